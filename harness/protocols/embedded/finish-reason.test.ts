import { describe, expect, it } from 'vitest';
import { embeddedFinishReason as finishReasonFromStop } from './finish-reason.ts';

describe('finishReasonFromStop', () => {
  it.each([
    ['eogToken', 'stop'],
    ['stopGenerationTrigger', 'stop'],
    ['customStopTrigger', 'stop'],
    ['maxTokens', 'length'],
    ['functionCalls', 'tool_calls'],
    ['abort', 'error'],
  ] as const)('%s → %s', (stopReason, expected) => {
    expect(finishReasonFromStop(stopReason)).toBe(expected);
  });
});
