import { PROVIDERS } from '../../providers/index.ts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderDefinition } from '../contract/provider.ts';
import { cloudProvidersWithCredentials, discoverLocalServers } from './discover.ts';

/** Real loopback listeners on random ports, answering like the servers they stand for. */
let openAiLike: Server;
let ollamaLike: Server;
let silent: Server;
let guarded: Server;
let openAiPort: number;
let ollamaPort: number;
let silentPort: number;
let guardedPort: number;
let closedPort: number;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const json = (response: import('node:http').ServerResponse, status: number, value: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
};

beforeAll(async () => {
  openAiLike = createServer((request, response) => {
    if (request.url === '/v1/models') return json(response, 200, { object: 'list', data: [{ id: 'smollm2-135m-instruct', object: 'model', owned_by: 'llamacpp' }] });
    json(response, 404, { error: 'not found' });
  });
  ollamaLike = createServer((request, response) => {
    if (request.url === '/api/tags') return json(response, 200, { models: [{ name: 'llama3.2:1b', model: 'llama3.2:1b' }, { name: 'qwen3:0.6b', model: 'qwen3:0.6b' }] });
    if (request.url === '/v1/models') return json(response, 200, { object: 'list', data: [{ id: 'llama3.2:1b', object: 'model', owned_by: 'library' }] });
    json(response, 404, { error: 'not found' });
  });
  // Accepts connections and never answers: the deadline must cut it short.
  silent = createServer(() => {});
  guarded = createServer((_request, response) => json(response, 401, { error: 'Unauthorized' }));
  guardedPort = await listen(guarded);
  openAiPort = await listen(openAiLike);
  ollamaPort = await listen(ollamaLike);
  silentPort = await listen(silent);
  const closed = createServer();
  closedPort = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(async () => {
  silent.closeAllConnections();
  await Promise.all([openAiLike, ollamaLike, silent, guarded].map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('discoverLocalServers (loopback listeners — not live-verified here)', () => {
  it('lists models from /v1/models and Ollama /api/tags on the given ports', async () => {
    const found = await discoverLocalServers({ ports: { llama_cpp: openAiPort, ollama: ollamaPort } });
    expect(found).toEqual([
      { provider: 'ollama', url: `http://127.0.0.1:${ollamaPort}`, reachable: true, models: ['llama3.2:1b', 'qwen3:0.6b'] },
      { provider: 'llama_cpp', url: `http://127.0.0.1:${openAiPort}`, reachable: true, models: ['smollm2-135m-instruct'] },
    ]);
  });

  it('reports a closed port as unreachable (refused, not timed out)', async () => {
    const [server] = await discoverLocalServers({ ports: { lm_studio: closedPort } });
    expect(server).toMatchObject({ provider: 'lm_studio', reachable: false, models: [], error: expect.stringContaining('ECONNREFUSED') });
  });

  it('gives up on a server that never answers at the deadline (the test would hang otherwise)', async () => {
    const [server] = await discoverLocalServers({ ports: { vllm: silentPort }, timeoutMs: 200 });
    expect(server).toMatchObject({ provider: 'vllm', reachable: false, models: [], error: expect.stringContaining('no answer within 200 ms') });
  });

  it('lists when one of several paths answers (Ollama paths on an OpenAI-only server)', async () => {
    const [mixed] = await discoverLocalServers({ ports: { ollama: openAiPort } });
    expect(mixed).toMatchObject({ reachable: true, models: ['smollm2-135m-instruct'] });
    expect(mixed?.error).toBeUndefined();
  });

  it('marks a server that answers without a listing (vLLM started with --api-key: 401) as reachable, with the error', async () => {
    const [server] = await discoverLocalServers({ ports: { vllm: guardedPort } });
    expect(server).toEqual({ provider: 'vllm', url: `http://127.0.0.1:${guardedPort}`, reachable: true, models: [], error: 'GET /v1/models: HTTP 401' });
  });
});

describe('cloudProvidersWithCredentials', () => {
  const cloud = (id: string, envVars: string[]): ProviderDefinition => ({
    id,
    displayName: id,
    kind: 'cloud',
    protocols: [{ protocol: 'openai-chat', path: '/v1' }],
    auth: { envVars, required: true },
    models: [],
    setupHint: '',
    healthCheck: '',
    liveVerifiedHere: 'no endpoint here',
  });
  const providers = [cloud('openai', ['OPENAI_API_KEY']), cloud('gemini', ['GEMINI_API_KEY', 'GOOGLE_API_KEY']), cloud('bedrock', ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE'])];

  it('returns ids of cloud providers whose credential variable is set and non-empty, never values', () => {
    const result = cloudProvidersWithCredentials({ GOOGLE_API_KEY: 'secret-value-1', OPENAI_API_KEY: '', AWS_PROFILE: 'dev' }, providers);
    expect(result).toEqual(['gemini', 'bedrock']);
    expect(JSON.stringify(result)).not.toContain('secret-value-1');
  });

  it('ignores local providers and works on the registered providers by default', () => {
    const local: ProviderDefinition = { ...cloud('vllm', ['VLLM_API_KEY']), kind: 'local' };
    expect(cloudProvidersWithCredentials({ VLLM_API_KEY: 'x' }, [local])).toEqual([]);
    expect(cloudProvidersWithCredentials({}, PROVIDERS)).toEqual([]);
    expect(cloudProvidersWithCredentials({ OPENROUTER_API_KEY: 'k', AWS_PROFILE: 'dev', GOOGLE_API_KEY: 'g', VLLM_API_KEY: 'v' }, PROVIDERS)).toEqual(['bedrock', 'gemini', 'openrouter']);
  });
});
