import { describe, expect, it } from 'vitest';
import type { Cell } from '../matrix/cell.ts';
import { fakeTargetPlan } from '../testing/fake-target.ts';
import { applyClientSettings, checkScheduleFlags, concurrencyFor, parseRateLimits } from './schedule-args.ts';

function cell(provider: string, endpoint: string, action: 'run' | 'skipped' = 'run'): Cell {
  const target = { ...fakeTargetPlan(), concurrency: { endpoint, perTarget: 1, perEndpoint: 1 } };
  return {
    id: `${provider}/m/openai-chat/core.t`,
    suite: 'core',
    test: 't',
    provider,
    model: 'm',
    protocol: 'openai-chat',
    requires: [],
    tags: [],
    assertion: 'protocol',
    gate: action === 'run' ? { action } : { action, reason: 'x' },
    target,
    timeoutMs: 1000,
  };
}

describe('schedule flags', () => {
  it('default concurrency: distinct endpoints of runnable cells, at most 8', () => {
    expect(concurrencyFor(undefined, [cell('a', 'u1'), cell('b', 'u1'), cell('c', 'u2'), cell('d', 'u3', 'skipped')])).toBe(2);
    expect(concurrencyFor(undefined, Array.from({ length: 12 }, (_, index) => cell(`p${index}`, `u${index}`)))).toBe(8);
    expect(concurrencyFor(3, [cell('a', 'u1')])).toBe(3);
    expect(concurrencyFor(undefined, [])).toBe(1);
  });

  it('--rate-limit provider:<n>rpm[:<n>tpm]', () => {
    expect(parseRateLimits(['openai:500rpm:30000tpm', 'gemini:10rpm'])).toEqual({ openai: { rpm: 500, tpm: 30000 }, gemini: { rpm: 10 } });
    expect(() => parseRateLimits(['openai'])).toThrow(/--rate-limit openai: write --rate-limit <provider>:<n>rpm/);
    expect(() => parseRateLimits(['openai:fast'])).toThrow(/"fast" is not/);
  });

  it('bad numbers are usage errors that say what to write', () => {
    expect(() => checkScheduleFlags({ concurrency: 0 })).toThrow(/--concurrency takes a whole number ≥ 1/);
    expect(() => checkScheduleFlags({ circuitBreaker: -1 })).toThrow(/--circuit-breaker/);
    expect(() => checkScheduleFlags({ retries: 1.5 })).toThrow(/--retries/);
    expect(() => checkScheduleFlags({ attemptTimeout: 0 })).toThrow(/--attempt-timeout/);
    expect(() => checkScheduleFlags({ concurrency: 4, circuitBreaker: 0, retries: 0 })).not.toThrow();
  });

  it('applies --retries, --attempt-timeout and --rate-limit to the cells\' client settings', () => {
    const [changed, same] = applyClientSettings([cell('openai', 'u'), cell('other', 'v')], { retries: 1, attemptTimeout: 5000 }, { openai: { rpm: 60 } });
    expect(changed?.target.client).toMatchObject({ maxRetries: 1, retry: { maxRetries: 1, attemptTimeoutMs: 5000 }, rateLimit: { key: 'openai', rpm: 60 } });
    expect(same?.target.client.rateLimit).toBeUndefined();
    expect(same?.target.client.maxRetries).toBe(1);
  });
});
