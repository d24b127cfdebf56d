import { describe, expect, it } from 'vitest';
import { checkGeminiEventOrder as check } from './event-order.ts';

const chunk = (text: string, extra: Record<string, unknown> = {}, candidate: Record<string, unknown> = {}) => ({
  responseId: 'r1',
  candidates: [{ content: { role: 'model', parts: [{ text }] }, index: 0, ...candidate }],
  ...extra,
});
const usageMetadata = { promptTokenCount: 4, candidatesTokenCount: 3, totalTokenCount: 7 };
const stream = [chunk('Hel'), chunk('lo'), chunk('!', { usageMetadata }, { finishReason: 'STOP' })];

describe('gemini event order (hand-written sequences)', () => {
  it('accepts chunks with finishReason and usageMetadata on the last one', () => {
    expect(check(stream, { usageExpected: true })).toEqual([]);
  });

  it('accepts a prompt-blocked single chunk', () => {
    expect(check([{ promptFeedback: { blockReason: 'SAFETY' } }])).toEqual([]);
  });

  it('flags a missing, repeated or early finishReason', () => {
    expect(check(stream.slice(0, 2))).toEqual(['no chunk carries a finishReason']);
    expect(check([chunk('a', {}, { finishReason: 'STOP' }), stream[2]]).join()).toMatch(/finishReason is set in 2 chunks/);
    expect(check([stream[2], stream[0]]).join()).toMatch(/finishReason chunk \(0\) is not the last chunk \(1\)/);
  });

  it('flags missing usage when expected, a changing responseId, a wrong role, and an empty chunk', () => {
    expect(check([stream[0], chunk('!', {}, { finishReason: 'STOP' })], { usageExpected: true })).toEqual(['usage expected but the last chunk has no usageMetadata']);
    expect(check([stream[0], { ...stream[2], responseId: 'r2' }])[0]).toMatch(/responseId r2 differs/);
    expect(check([chunk('a', {}, { content: { role: 'user', parts: [] } }), stream[2]])[0]).toMatch(/role is "user"/);
    expect(check([{ responseId: 'r1' }, stream[2]])).toEqual(['chunk 0 has no candidates']);
  });
});
