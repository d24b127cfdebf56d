import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOllamaNativeClient } from './client.ts';
import { createCallFetch } from './call-fetch.ts';

/** A loopback listener that sends headers late (or never), to test deadlines (not live-verified here). */
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/slow-headers' || request.url === '/api/version') return void setTimeout(() => response.end('{}'), 2000);
    response.writeHead(200, { 'content-type': 'application/x-ndjson' });
    response.write('{"a":1}\n');
    setTimeout(() => response.end('{"b":2}\n'), 2500);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('ollama-native per-call fetch', () => {
  it('aborts with a TimeoutError when headers do not arrive in time', async () => {
    const callFetch = createCallFetch(fetch, { timeoutMs: 100 });
    await expect(callFetch(`${url}/slow-headers`)).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('does not cut a body that streams past the timeout once headers arrived', async () => {
    // Headers come at once and the body ends 2.5 s later: a 1 s deadline covers the headers even
    // on a loaded machine, and the body outlives it.
    const callFetch = createCallFetch(fetch, { timeoutMs: 1000 });
    const response = await callFetch(`${url}/stream`);
    expect(await response.text()).toBe('{"a":1}\n{"b":2}\n');
  });

  it('passes the caller signal through', async () => {
    const controller = new AbortController();
    const callFetch = createCallFetch(fetch, { signal: controller.signal, timeoutMs: 5000 });
    const pending = callFetch(`${url}/slow-headers`);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('surfaces a client timeout as a VerifyError of kind timeout', async () => {
    const client = await createOllamaNativeClient({ protocol: 'ollama-native', baseUrl: url, timeoutMs: 100, maxRetries: 0 });
    await expect(client.health()).rejects.toMatchObject({ kind: 'timeout', layer: 'transport' });
  });
});
