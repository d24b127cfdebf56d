import { readFileSync } from 'node:fs';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import { VerifyError } from '../../contract/verify-error.ts';
import { fromChatCompletion, fromOpenAIUsage } from './map-response.ts';

const completion = (message: Record<string, unknown>, finish: string | null = 'stop', extra: Record<string, unknown> = {}): ChatCompletion =>
  ({ id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish, logprobs: null }], ...extra }) as unknown as ChatCompletion;

describe('fromChatCompletion', () => {
  it('maps a recorded llama-server completion (fixtures/text-response.json)', () => {
    const recorded = JSON.parse(readFileSync(new URL('./fixtures/text-response.json', import.meta.url), 'utf8')) as ChatCompletion;
    expect(fromChatCompletion(recorded)).toEqual({
      text: "I'm here to help with any creative writing project.",
      reasoning: undefined,
      toolCalls: [],
      finishReason: 'stop',
      rawFinishReason: 'stop',
      usage: { input: 27, output: 12, total: 39, cachedInput: 26 },
      id: 'chatcmpl-rhUNIKzJ5aZwfRrku2okxzPQoukeaHDz',
      model: 'smollm2-135m-instruct',
    });
  });

  it('throws a protocol VerifyError when there are no choices', () => {
    for (const choices of [[], undefined]) {
      let thrown: unknown;
      try {
        fromChatCompletion({ id: 'x', model: 'm', choices } as unknown as ChatCompletion);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(VerifyError);
      expect(thrown).toMatchObject({ kind: 'unknown', layer: 'protocol', message: 'openai-chat: response has no choices' });
    }
  });

  it('maps function tool calls, null content and a tool_calls finish', () => {
    const response = fromChatCompletion(
      completion(
        {
          content: null,
          tool_calls: [
            { id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
            { id: 'call_x', type: 'custom', custom: { name: 'grammar', input: 'x' } },
          ],
        },
        'tool_calls',
      ),
    );
    expect(response).toMatchObject({ text: '', finishReason: 'tool_calls', rawFinishReason: 'tool_calls', usage: undefined });
    expect(response.toolCalls).toEqual([{ id: 'call_a', name: 'get_weather', argumentsText: '{"city":"Oslo"}' }]);
  });

  it('MODIFIED copy of the recorded tool call, id removed: the call has no id (never invented)', () => {
    const recorded = JSON.parse(readFileSync(new URL('./fixtures/tool-call-response.json', import.meta.url), 'utf8')) as ChatCompletion;
    for (const call of recorded.choices[0]?.message.tool_calls ?? []) delete (call as { id?: string }).id;
    const [call] = fromChatCompletion(recorded).toolCalls;
    expect(call).toMatchObject({ name: 'calculator' });
    expect(call && 'id' in call).toBe(false);
  });

  it('reads reasoning_content, ignoring an empty one', () => {
    expect(fromChatCompletion(completion({ content: '4', reasoning_content: '2+2 is 4' })).reasoning).toBe('2+2 is 4');
    expect(fromChatCompletion(completion({ content: '4', reasoning_content: '' })).reasoning).toBeUndefined();
  });

  it('leaves a missing finish reason absent (never invented) and maps a length finish to length', () => {
    const missing = fromChatCompletion(completion({ content: 'x' }, null));
    expect(missing.finishReason).toBeUndefined();
    expect(missing.rawFinishReason).toBeUndefined();
    expect(fromChatCompletion(completion({ content: 'x' }, 'length')).finishReason).toBe('length');
  });
});

describe('fromOpenAIUsage', () => {
  it('maps token counts and keeps missing ones undefined', () => {
    expect(fromOpenAIUsage({ prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 })).toEqual({ input: 5, output: 7, total: 12 });
    expect(fromOpenAIUsage({ prompt_tokens: 5 })).toEqual({ input: 5, output: undefined, total: undefined });
    expect(fromOpenAIUsage(null)).toBeUndefined();
    expect(fromOpenAIUsage(undefined)).toBeUndefined();
  });
});

describe('fromChatCompletion: recorded llama-server tool call (fixtures/tool-call-response.json)', () => {
  // REAL recording via fixtures/record-tool-stream.ts: llama-server de3ff81, SmolLM2-135M, cohere2moe "required" template.
  const recorded = () => JSON.parse(readFileSync(new URL('./fixtures/tool-call-response.json', import.meta.url), 'utf8')) as ChatCompletion;

  it('maps the forced calculator call with empty text, a tool_calls finish and usage', () => {
    const response = fromChatCompletion(recorded());
    expect(response).toMatchObject({ text: '', finishReason: 'tool_calls', rawFinishReason: 'tool_calls', model: 'smollm2-135m-instruct' });
    expect(response.usage).toEqual({ input: 226, output: 84, total: 310, cachedInput: 225 });
    expect(response.toolCalls).toEqual([{ id: '0', name: 'calculator', argumentsText: '{\n\n"expression": "12*7"\n\n}' }]);
    const parsed = JSON.parse(response.toolCalls[0]?.argumentsText ?? '') as { expression?: unknown };
    expect(typeof parsed.expression).toBe('string');
  });
});
