import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerifyError } from '../contract/verify-error.ts';
import { fromLmStudioModel, listLmStudioModels } from './lm-studio-native.ts';

/** A payload shaped like LM Studio's documented GET /api/v0/models answer. */
const PAYLOAD = {
  object: 'list',
  data: [
    { id: 'qwen2.5-7b-instruct', object: 'model', type: 'llm', publisher: 'lmstudio-community', arch: 'qwen2', compatibility_type: 'gguf', quantization: 'Q4_K_M', state: 'loaded', max_context_length: 32768, loaded_context_length: 4096, capabilities: ['tool_use'] },
    { id: 'qwen2-vl-7b-instruct', object: 'model', type: 'vlm', publisher: 'mlx-community', arch: 'qwen2_vl', compatibility_type: 'mlx', quantization: '4bit', state: 'not-loaded', max_context_length: 32768 },
    { id: 'text-embedding-nomic-embed-text-v1.5', object: 'model', type: 'embeddings', publisher: 'nomic-ai', arch: 'nomic-bert', compatibility_type: 'gguf', quantization: 'Q4_0', state: 'not-loaded', max_context_length: 2048 },
  ],
};

let server: Server;
let rootUrl: string;
const seenAuth: Array<string | undefined> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seenAuth.push(request.headers.authorization);
    if (request.url === '/api/v0/models') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(JSON.stringify(PAYLOAD));
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'Unexpected endpoint or method.' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  rootUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('LM Studio native listing (loopback recorder — not live-verified here)', () => {
  it('maps GET /api/v0/models to listings: loaded state, context, tool_use, vlm; leaves embeddings out', async () => {
    expect(await listLmStudioModels(`${rootUrl}/`, { apiKey: 'lm-key-123' })).toEqual([
      { id: 'qwen2.5-7b-instruct', contextWindow: 32768, capabilities: { tools: true }, loaded: true },
      { id: 'qwen2-vl-7b-instruct', contextWindow: 32768, capabilities: { vision: true }, loaded: false },
    ]);
    expect(seenAuth.at(-1)).toBe('Bearer lm-key-123');
  });

  it('reports a server without the native API (404) as a VerifyError, and a closed port as network', async () => {
    await expect(listLmStudioModels(`${rootUrl}/not-lm-studio`)).rejects.toMatchObject({ status: 404 });
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const error = await listLmStudioModels(`http://127.0.0.1:${port}`, { timeoutMs: 1000 }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(VerifyError);
    expect(error).toMatchObject({ kind: 'network' });
  });

  it('declares nothing the server did not say', () => {
    expect(fromLmStudioModel({ id: 'm', type: 'llm' })).toEqual({ id: 'm' });
  });
});
