import { describe, expect, it } from 'vitest';
import { normalizeFinishReason } from './finish-reason.ts';

describe('normalizeFinishReason', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['tool_calls', 'tool_calls'],
    ['function_call', 'tool_calls'],
    ['content_filter', 'content_filter'],
    ['max_output_tokens', 'length'],
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['model_context_window_exceeded', 'length'],
    ['guardrail_intervened', 'content_filter'],
    ['STOP', 'stop'],
    ['MAX_TOKENS', 'length'],
    ['SAFETY', 'content_filter'],
    ['MALFORMED_FUNCTION_CALL', 'error'],
    ['load', 'stop'],
  ] as const)('%s → %s', (raw, expected) => {
    expect(normalizeFinishReason(raw)).toBe(expected);
  });

  it('maps unknown, missing and empty reasons to error', () => {
    expect(normalizeFinishReason('something_new')).toBe('error');
    expect(normalizeFinishReason(null)).toBe('error');
    expect(normalizeFinishReason(undefined)).toBe('error');
    expect(normalizeFinishReason('')).toBe('error');
    expect(normalizeFinishReason('Stop')).toBe('error');
  });

  it('turns a plain stop (or a missing reason) into tool_calls when calls were made', () => {
    expect(normalizeFinishReason('STOP', true)).toBe('tool_calls');
    expect(normalizeFinishReason('stop', true)).toBe('tool_calls');
    expect(normalizeFinishReason(undefined, true)).toBe('tool_calls');
    expect(normalizeFinishReason('length', true)).toBe('length');
    expect(normalizeFinishReason('SAFETY', true)).toBe('content_filter');
  });
});
