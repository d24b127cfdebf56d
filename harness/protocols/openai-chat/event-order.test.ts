import { describe, expect, it } from 'vitest';
import { checkOpenAIChatEventOrder as check } from './event-order.ts';

const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model: 'm', choices, ...extra });
const delta = (d: Record<string, unknown>, finish: string | null = null) => ({ index: 0, delta: d, finish_reason: finish });
const usage = { completion_tokens: 2, prompt_tokens: 5, total_tokens: 7 };

/** The shape llama-server (b1-de3ff81) streamed with include_usage, shortened. */
const text = [
  chunk([delta({ role: 'assistant', content: null })]),
  chunk([delta({ content: 'Hi' })]),
  chunk([delta({ content: '!' })]),
  chunk([delta({}, 'stop')]),
  chunk([], { usage }),
];
const tool = [
  chunk([delta({ role: 'assistant', content: null })]),
  chunk([delta({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '' } }] })]),
  chunk([delta({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] })]),
  chunk([delta({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] })]),
  chunk([delta({}, 'tool_calls')]),
  chunk([], { usage }),
];

describe('openai-chat event order (hand-written sequences)', () => {
  it('accepts a text stream and a tool-call stream with a final usage chunk', () => {
    expect(check(text, { usageExpected: true })).toEqual([]);
    expect(check(tool, { usageExpected: true })).toEqual([]);
  });

  it('accepts a stream without usage when none is expected', () => {
    expect(check(text.slice(0, 4))).toEqual([]);
  });

  it('flags a wrong object type and a changing id', () => {
    expect(check([{ ...text[0], object: 'chat.completion' }, ...text.slice(1)])[0]).toMatch(/expected "chat.completion.chunk"/);
    expect(check([text[0], { ...text[1], id: 'other' }, ...text.slice(2)])[0]).toMatch(/differs from the first chunk/);
  });

  it('flags a missing, a repeated, and a non-final finish_reason', () => {
    expect(check(text.slice(0, 3))).toContain('no chunk carries a finish_reason');
    expect(check([text[0], chunk([delta({ content: 'a' }, 'stop')]), text[3]])).toContain('finish_reason is set in 2 choice chunks, expected exactly one');
    expect(check([text[0], text[3], text[1]]).join()).toMatch(/is not the last chunk with choices/);
  });

  it('flags usage that is missing, early, repeated, or carried on a chunk with choices', () => {
    expect(check(text.slice(0, 4), { usageExpected: true })).toContain('usage was requested (stream_options.include_usage) but no chunk carries it');
    expect(check([text[0], text[4], text[1], text[3]]).join()).toMatch(/is not the last chunk/);
    expect(check([...text.slice(0, 3), chunk([delta({}, 'stop')], { usage })]).join()).toMatch(/does not come after the finish_reason chunk.*expected an empty choices array/);
    expect(check([...text.slice(0, 4), chunk([], { usage }), chunk([], { usage })]).join()).toMatch(/usage is set in 2 chunks/);
  });

  it('flags tool-call fragments without id/name and a changing id', () => {
    const noId = [tool[0], chunk([delta({ tool_calls: [{ index: 0, function: { arguments: '{}' } }] })]), tool[4]];
    expect(check(noId)).toEqual(['chunk 1: first fragment of tool call 0 has no id', 'chunk 1: first fragment of tool call 0 has no function name']);
    const changed = [...tool.slice(0, 3), chunk([delta({ tool_calls: [{ index: 0, id: 'call_b', function: { arguments: '' } }] })]), ...tool.slice(4)];
    expect(check(changed)).toEqual(['chunk 3: tool call 0 changes id from call_a to call_b']);
  });

  it('flags a wrong role and an empty stream', () => {
    expect(check([chunk([delta({ role: 'user', content: 'x' })]), text[3]])[0]).toMatch(/delta.role is "user"/);
    expect(check([])).toEqual(['no chunks were streamed']);
  });
});
