import { describe, expect, it } from 'vitest';
import { LEAKED_TOKEN, newRewriteState, rewriteChunk, rewriteCompletion, rewriteRequest } from './faults.ts';

const completion = () => ({
  id: 'chatcmpl-1',
  choices: [
    {
      index: 0,
      finish_reason: 'tool_calls',
      message: { role: 'assistant', content: 'hello', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'calc', arguments: '{"a":1}' } }] },
    },
  ],
  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
});

const choice = (body: Record<string, unknown>) => (body.choices as Array<Record<string, unknown>>)[0] ?? {};
const message = (body: Record<string, unknown>) => choice(body).message as { content: string; tool_calls: Array<{ id?: string; function: { arguments: string } }> };

describe('fault rewrites of a chat.completion', () => {
  it('none changes nothing', () => {
    expect(rewriteCompletion(completion(), 'none')).toEqual(completion());
  });

  it('finish reasons: removed, or swapped', () => {
    expect(choice(rewriteCompletion(completion(), 'no-finish-reason')).finish_reason).toBeNull();
    expect(choice(rewriteCompletion(completion(), 'wrong-finish-reason')).finish_reason).toBe('stop');
  });

  it('tool calls: id removed, arguments broken', () => {
    expect(message(rewriteCompletion(completion(), 'missing-tool-call-id')).tool_calls[0]?.id).toBeUndefined();
    const args = message(rewriteCompletion(completion(), 'invalid-tool-arguments')).tool_calls[0]?.function.arguments ?? '';
    expect(() => JSON.parse(args)).toThrow();
  });

  it('usage: wrong total, or none', () => {
    expect(rewriteCompletion(completion(), 'wrong-usage-sums').usage).toEqual({ prompt_tokens: 10, completion_tokens: 5, total_tokens: 22 });
    expect(rewriteCompletion(completion(), 'no-usage').usage).toBeUndefined();
  });

  it('text: emptied, or a template token leaked', () => {
    expect(message(rewriteCompletion(completion(), 'empty-content')).content).toBe('');
    expect(message(rewriteCompletion(completion(), 'leaked-template-tokens')).content).toBe(`hello${LEAKED_TOKEN}`);
  });
});

describe('fault rewrites of stream chunks', () => {
  const toolDelta = (id?: string) => ({ choices: [{ index: 0, finish_reason: null, delta: { tool_calls: [{ index: 0, ...(id ? { id } : {}), function: { arguments: '{' } }] } }] });

  it('mismatched ids: each delta of one call gets another id', () => {
    const state = newRewriteState();
    const ids = [toolDelta('0'), toolDelta(), toolDelta()].map((chunk) => {
      const rewritten = rewriteChunk(chunk, 'mismatched-tool-call-id', state) as ReturnType<typeof toolDelta>;
      return (rewritten.choices[0]?.delta.tool_calls[0] as { id?: string }).id;
    });
    expect(new Set(ids).size).toBe(3);
  });

  it('a leaked token is added once per response, to the first text delta', () => {
    const state = newRewriteState();
    const texts = ['a', 'b'].map((text) => {
      const chunk = rewriteChunk({ choices: [{ index: 0, delta: { content: text } }] }, 'leaked-template-tokens', state) as { choices: Array<{ delta: { content: string } }> };
      return chunk.choices[0]?.delta.content;
    });
    expect(texts).toEqual([`a${LEAKED_TOKEN}`, 'b']);
  });
});

describe('request rewrite', () => {
  it('ignored-stop removes stop; other faults leave the request alone', () => {
    expect(rewriteRequest({ model: 'm', stop: ['x'] }, 'ignored-stop')).toEqual({ model: 'm' });
    expect(rewriteRequest({ model: 'm', stop: ['x'] }, 'empty-content')).toEqual({ model: 'm', stop: ['x'] });
  });
});
