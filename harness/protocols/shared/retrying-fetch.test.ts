import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { newAttemptLog, withAttemptLog } from './attempt-log.ts';
import { createRetryingFetch } from './retrying-fetch.ts';

/** A loopback server answering from a script: a status with headers, 'reset' (destroy the socket) or 'hang'. */
type Step = { status: number; headers?: Record<string, string> } | 'reset' | 'hang';
let server: Server | undefined;
async function scripted(steps: Step[]): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  server = createServer((req, res) => {
    hits += 1;
    const step = steps.shift() ?? { status: 200 };
    if (step === 'hang') return;
    if (step === 'reset') return void req.socket.destroy();
    res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
    res.end(JSON.stringify({ status: step.status }));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`, hits: () => hits };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

const policy = { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 50, maxTotalMs: 5000 };
const post = (fetcher: typeof fetch, url: string, signal?: AbortSignal) => fetcher(url, { method: 'POST', body: '{"max_tokens":5}', headers: { 'content-type': 'application/json' }, signal });

describe('createRetryingFetch (against a real loopback server)', () => {
  it('retries 429 and 503, honours Retry-After, and logs each retry in the cell', async () => {
    const endpoint = await scripted([{ status: 429, headers: { 'retry-after': '0.2' } }, { status: 503 }, { status: 200 }]);
    const log = newAttemptLog();
    const started = performance.now();
    const response = await withAttemptLog(log, () => post(createRetryingFetch(fetch, { policy }), endpoint.url));
    expect(response.status).toBe(200);
    expect(endpoint.hits()).toBe(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(log.retries).toMatchObject([
      { attempt: 1, reason: 'HTTP 429', request: 'POST /v1/chat/completions' },
      { attempt: 2, reason: 'HTTP 503' },
    ]);
    expect(log.retries[0]?.delayMs).toBeGreaterThanOrEqual(200);
  });

  it('hands the last failing answer to the caller when retries run out (the verdict is the endpoint\'s)', async () => {
    const endpoint = await scripted([{ status: 500 }, { status: 500 }, { status: 500 }]);
    const log = newAttemptLog();
    const response = await withAttemptLog(log, () => post(createRetryingFetch(fetch, { policy: { ...policy, maxRetries: 2 } }), endpoint.url));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ status: 500 });
    expect(endpoint.hits()).toBe(3);
    expect(log.retries).toHaveLength(2);
  });

  it('does not retry a 400 or 401', async () => {
    const endpoint = await scripted([{ status: 401 }]);
    const response = await post(createRetryingFetch(fetch, { policy }), endpoint.url);
    expect(response.status).toBe(401);
    expect(endpoint.hits()).toBe(1);
  });

  it('retries a reset connection, then succeeds', async () => {
    const endpoint = await scripted(['reset', { status: 200 }]);
    const log = newAttemptLog();
    const response = await withAttemptLog(log, () => post(createRetryingFetch(fetch, { policy }), endpoint.url));
    expect(response.status).toBe(200);
    expect(log.retries[0]?.reason).toMatch(/connection (reset|closed)/);
  });

  it('gives up when the server asks for a wait past the total time', async () => {
    const endpoint = await scripted([{ status: 429, headers: { 'retry-after': '30' } }]);
    const log = newAttemptLog();
    const response = await withAttemptLog(log, () => post(createRetryingFetch(fetch, { policy: { ...policy, maxTotalMs: 1000 } }), endpoint.url));
    expect(response.status).toBe(429);
    expect(endpoint.hits()).toBe(1);
    expect(log.retries).toEqual([]);
  });

  it('with an attempt timeout, a request with no headers in time is retried', async () => {
    const endpoint = await scripted(['hang', { status: 200 }]);
    const log = newAttemptLog();
    const response = await withAttemptLog(log, () => post(createRetryingFetch(fetch, { policy: { ...policy, attemptTimeoutMs: 150 } }), endpoint.url));
    expect(response.status).toBe(200);
    expect(log.retries[0]?.reason).toBe('no response headers within 150 ms');
  });

  it('stops at once when the caller aborts during the backoff', async () => {
    const endpoint = await scripted([{ status: 429, headers: { 'retry-after': '3' } }, { status: 200 }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('deadline')), 100);
    await expect(post(createRetryingFetch(fetch, { policy }), endpoint.url, controller.signal)).rejects.toThrow();
    expect(endpoint.hits()).toBe(1);
  });
});
