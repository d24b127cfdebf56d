import { describe, expect, it } from 'vitest';
import type { ChatResponse } from '../contract/chat.ts';
import { CheckFailure } from '../verdicts/check-failure.ts';
import { checkFinishReason } from './answer-checks.ts';

type Finish = Pick<ChatResponse, 'finishReason' | 'rawFinishReason' | 'usage'>;
const response = (finishReason: ChatResponse['finishReason'], output?: number): Finish => ({ finishReason, rawFinishReason: finishReason, usage: output === undefined ? undefined : { output } } as Finish);

function layerOf(check: () => void): string {
  try {
    check();
  } catch (error) {
    if (error instanceof CheckFailure) return `${error.layer}: ${error.message}`;
    throw error;
  }
  return 'pass';
}

describe('checkFinishReason: who failed when the finish is not the expected one', () => {
  it('passes the expected finish', () => {
    expect(layerOf(() => checkFinishReason(response('stop', 12), 'stop', 64))).toBe('pass');
    expect(layerOf(() => checkFinishReason(response('length', 5), 'length', 5))).toBe('pass');
  });

  it('blames the model for running to the cap (length at max_tokens) or ending early (stop under it)', () => {
    expect(layerOf(() => checkFinishReason(response('length', 64), 'stop', 64))).toMatch(/^model: .*still writing/);
    expect(layerOf(() => checkFinishReason(response('stop', 3), 'length', 5))).toMatch(/^model: .*ended early/);
  });

  it('blames the protocol when the usage contradicts the finish, or nothing explains it', () => {
    expect(layerOf(() => checkFinishReason(response('length', 10), 'stop', 64))).toMatch(/^protocol: finish_reason is length .* 10 output tokens \(max_tokens 64\)/);
    expect(layerOf(() => checkFinishReason(response('stop', 5), 'length', 5))).toMatch(/^protocol: /);
    expect(layerOf(() => checkFinishReason(response('length'), 'stop', 64))).toMatch(/^protocol: /);
    expect(layerOf(() => checkFinishReason(response('tool_calls', 64), 'stop', 64))).toMatch(/^protocol: /);
    expect(layerOf(() => checkFinishReason(response(undefined, 64), 'stop', 64))).toMatch(/^protocol: .*no finish reason/);
    expect(layerOf(() => checkFinishReason(response('length', 64), 'stop'))).toMatch(/^protocol: /);
  });

  it('expecting tool_calls: cut at the cap is the model; stop under it is the protocol (a call must say tool_calls); the subject leads', () => {
    expect(layerOf(() => checkFinishReason(response('length', 128), 'tool_calls', 128, 'the response calls calculator'))).toMatch(/^model: the response calls calculator: finish_reason is length .*still writing/);
    expect(layerOf(() => checkFinishReason(response('stop', 12), 'tool_calls', 128, 'the response calls calculator'))).toMatch(/^protocol: the response calls calculator: finish_reason is stop .*expected tool_calls$/);
    expect(layerOf(() => checkFinishReason(response('tool_calls', 12), 'tool_calls', 128))).toBe('pass');
  });
});
