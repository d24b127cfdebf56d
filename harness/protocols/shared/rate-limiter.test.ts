import { describe, expect, it } from 'vitest';
import { estimateRequestTokens, limiterFor } from './rate-limiter.ts';

/** Acquires `count` slots one after the other; returns how long each acquire waited (ms). */
async function acquireAll(acquire: () => Promise<number>, count: number): Promise<number[]> {
  const waits: number[] = [];
  for (let index = 0; index < count; index += 1) waits.push(await acquire());
  return waits;
}

describe('rate limiter (bottleneck token buckets)', () => {
  it('RPM: the burst passes at once, the next request waits for the refill', async () => {
    // 3 rpm: a bucket of 3, refilled by 1 a second (at least one unit a second).
    const limiter = limiterFor({ key: 'test-rpm', rpm: 3 });
    const waits = await acquireAll(() => limiter.acquire(1), 4);
    expect(waits.slice(0, 3).every((wait) => wait < 400)).toBe(true);
    expect(waits[3]).toBeGreaterThanOrEqual(400);
    expect(waits[3]).toBeLessThan(5000);
  });

  it('one budget per key: every client of a provider shares it', async () => {
    const first = limiterFor({ key: 'test-shared', rpm: 2 });
    const second = limiterFor({ key: 'test-shared', rpm: 2 });
    expect(second).toBe(first);
    await acquireAll(() => first.acquire(1), 2);
    expect(await second.acquire(1)).toBeGreaterThanOrEqual(400);
    // Another key has its own budget.
    expect(await limiterFor({ key: 'test-other', rpm: 2 }).acquire(1)).toBeLessThan(400);
  });

  it('TPM: requests are weighed by their estimated tokens; one larger than the whole budget needs a full bucket, never more', async () => {
    const limiter = limiterFor({ key: 'test-tpm', tpm: 100 });
    expect(await limiter.acquire(80)).toBeLessThan(400);
    // 20 left, refilled 1 a second: 80 more would take a minute; 15 fit now.
    expect(await limiter.acquire(15)).toBeLessThan(400);
    const waited = Promise.race([limiter.acquire(50).then(() => 'acquired'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 800))]);
    expect(await waited).toBe('waiting');
    // A request larger than the whole budget weighs the budget: a full bucket lets it through.
    expect(await limiterFor({ key: 'test-tpm-small', tpm: 5 }).acquire(1000)).toBeLessThan(400);
  });
});

describe('estimateRequestTokens', () => {
  it('about 4 characters a token plus the output limit the body asks for', () => {
    const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x'.repeat(400) }], max_tokens: 50 });
    expect(estimateRequestTokens(body)).toBe(Math.ceil(body.length / 4) + 50);
    const gemini = JSON.stringify({ generationConfig: { maxOutputTokens: 7 } });
    expect(estimateRequestTokens(gemini)).toBe(Math.ceil(gemini.length / 4) + 7);
    expect(estimateRequestTokens(undefined)).toBe(1);
  });
});
