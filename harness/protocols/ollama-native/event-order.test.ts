import { describe, expect, it } from 'vitest';
import { checkOllamaNativeEventOrder as check } from './event-order.ts';

const part = (content: string) => ({ model: 'qwen3:0.6b', created_at: 't', message: { role: 'assistant', content }, done: false });
const final = { model: 'qwen3:0.6b', created_at: 't', message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', eval_count: 3, prompt_eval_count: 9 };
const stream = [part('Hi'), part('!'), final];

describe('ollama-native event order (hand-written sequences)', () => {
  it('accepts content chunks then one done chunk with done_reason and counters', () => {
    expect(check(stream, { usageExpected: true })).toEqual([]);
    const tools = [{ ...part(''), message: { role: 'assistant', content: '', tool_calls: [{ function: { name: 'f', arguments: {} } }] } }, final];
    expect(check(tools)).toEqual([]);
  });

  it('flags a missing, repeated or early done chunk', () => {
    expect(check(stream.slice(0, 2))).toEqual(['no chunk has done: true']);
    expect(check([...stream, final])).toContain('2 chunks have done: true, expected one');
    expect(check([part('a'), final, part('b')]).join()).toMatch(/done chunk \(1\) is not the last chunk \(2\)/);
  });

  it('flags a done chunk without done_reason or eval_count, and a non-boolean done', () => {
    const { done_reason: _reason, eval_count: _count, ...bare } = final;
    expect(check([part('a'), bare], { usageExpected: true })).toEqual(['the done chunk has no done_reason', 'usage expected but the done chunk has no eval_count']);
    expect(check([{ ...part('a'), done: 'no' }, final])[0]).toMatch(/done is "no"/);
  });

  it('flags a changing model, a wrong role and a nameless tool call', () => {
    expect(check([part('a'), { ...final, model: 'other' }])[0]).toMatch(/model other differs/);
    expect(check([{ ...part('a'), message: { role: 'user', content: 'a' } }, final])[0]).toMatch(/role is "user"/);
    expect(check([{ ...part(''), message: { role: 'assistant', content: '', tool_calls: [{ function: {} }] } }, final])[0]).toMatch(/no function name/);
  });
});
