import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.ts';

const timeout = { verdict: 'error', kind: 'timeout', message: 'test deadline of 4000 ms passed' } as const;
const network = { verdict: 'fail', kind: 'network', message: 'openai-chat: network: fetch failed' } as const;
const pass = { verdict: 'pass' } as const;
const modelFail = { verdict: 'fail', kind: undefined, message: 'wrong answer' } as const;

describe('CircuitBreaker', () => {
  it('opens after K consecutive transport/timeout failures, naming the last reason', () => {
    const breaker = new CircuitBreaker(2);
    breaker.record(timeout);
    expect(breaker.state().open).toBe(false);
    breaker.record(network);
    expect(breaker.state()).toEqual({ open: true, reason: 'circuit open after 2 failures: openai-chat: network: fetch failed', kind: 'network' });
  });

  it('any other outcome resets the count', () => {
    const breaker = new CircuitBreaker(2);
    for (const result of [timeout, pass, timeout, modelFail, timeout]) breaker.record(result);
    expect(breaker.state().open).toBe(false);
  });

  it('threshold 0 never opens', () => {
    const breaker = new CircuitBreaker(0);
    for (let index = 0; index < 10; index += 1) breaker.record(timeout);
    expect(breaker.state().open).toBe(false);
  });
});
