import { describe, expect, it } from 'vitest';
import { backoffDelayMs, isTransientStatus, serverDelayMs, transientNetworkReason } from './retry-policy.ts';

describe('retry policy', () => {
  it('retries 408, 429 and 5xx but not 501, 505 or other 4xx', () => {
    expect([408, 429, 500, 502, 503, 504, 529].every(isTransientStatus)).toBe(true);
    expect([400, 401, 403, 404, 413, 422, 501, 505].some(isTransientStatus)).toBe(false);
  });

  it('full jitter: a random wait below min(max, base * 2^n)', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelayMs(0, policy, () => 0.999)).toBe(99);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(400);
    expect(backoffDelayMs(10, policy, () => 0.999)).toBe(999);
    expect(backoffDelayMs(2, policy, () => 0)).toBe(0);
  });

  it('reads Retry-After (seconds, HTTP date), retry-after-ms and the rate-limit reset headers', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(serverDelayMs(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(serverDelayMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000);
    expect(serverDelayMs(new Headers({ 'retry-after-ms': '150', 'retry-after': '9' }), now)).toBe(150);
    expect(serverDelayMs(new Headers({ 'x-ratelimit-reset-requests': '1m0.5s', 'x-ratelimit-reset-tokens': '20ms' }), now)).toBe(60_500);
    expect(serverDelayMs(new Headers({ 'anthropic-ratelimit-requests-reset': '2026-01-01T00:00:03Z' }), now)).toBe(3000);
    expect(serverDelayMs(new Headers({ 'content-type': 'application/json' }), now)).toBeUndefined();
  });

  it('a reset connection is transient, a refused one is not', () => {
    const reset = new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
    expect(transientNetworkReason(reset)).toBe('connection reset (ECONNRESET)');
    expect(transientNetworkReason(new TypeError('fetch failed', { cause: new Error('other side closed') }))).toMatch(/closed by the server/);
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    expect(transientNetworkReason(refused)).toBeUndefined();
  });
});
