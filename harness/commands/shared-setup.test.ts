import { afterEach, describe, expect, it } from 'vitest';
import lmStudio from '../../providers/lm_studio/provider.ts';
import vllm from '../../providers/vllm/provider.ts';
import { createLoopback } from '../testing/loopback-listener.ts';
import { describeCapabilities, discoverModels } from './shared-setup.ts';

const loopback = createLoopback();
afterEach(() => loopback.closeAll());

const NATIVE_LISTING = JSON.stringify({
  object: 'list',
  data: [
    { id: 'qwen3-8b', object: 'model', type: 'llm', state: 'loaded', max_context_length: 32768, capabilities: ['tool_use'] },
    { id: 'nomic-embed', object: 'model', type: 'embeddings', state: 'not-loaded', max_context_length: 2048 },
  ],
});

describe('discoverModels (loopback recorder — not live-verified here)', () => {
  it('reads LM Studio\'s native listing first: loaded state, context window and tool support', async () => {
    const { seen, baseUrl } = await loopback.listen({ status: 200, body: NATIVE_LISTING });
    const listed = await discoverModels(lmStudio, { rootUrl: baseUrl, source: 'env', onUnreachable: 'error', gate: { action: 'run' } }, undefined);
    expect(seen[0]?.url).toBe('/api/v0/models');
    expect(listed).toEqual({ models: [{ id: 'qwen3-8b', contextWindow: 32768, capabilities: { tools: true }, loaded: true }] });
  });

  it('uses the protocol\'s own listing (GET /v1/models) for other providers', async () => {
    const { seen, baseUrl } = await loopback.listen({ status: 200, body: JSON.stringify({ object: 'list', data: [{ id: 'served-model', object: 'model' }] }) });
    const listed = await discoverModels(vllm, { rootUrl: baseUrl, source: 'env', onUnreachable: 'error', gate: { action: 'run' } }, undefined);
    expect(seen[0]?.url).toBe('/v1/models');
    expect('models' in listed && listed.models.map((model) => model.id)).toEqual(['served-model']);
  });

  it('answers the normalized error (not an exception) when nothing listens', async () => {
    const result = await discoverModels(vllm, { rootUrl: 'http://127.0.0.1:9', source: 'env', onUnreachable: 'error', gate: { action: 'run' } }, undefined);
    expect(result).toMatchObject({ error: { kind: 'network', layer: 'transport' } });
  });

  it('answers a listing that rejects the key as an auth error', async () => {
    const { baseUrl } = await loopback.listen({ status: 401, body: JSON.stringify({ error: { message: 'Invalid API key', type: 'authentication_error' } }) });
    const result = await discoverModels(vllm, { rootUrl: baseUrl, source: 'env', onUnreachable: 'error', gate: { action: 'run' } }, 'wrong');
    expect(result).toMatchObject({ error: { kind: 'auth', status: 401 } });
  });
});

describe('describeCapabilities', () => {
  it('lists declared capabilities, marking declared-absent ones with "!"', () => {
    expect(describeCapabilities({ chat: true, tools: false })).toBe('chat, !tools');
    expect(describeCapabilities({})).toBe('unknown');
  });
});
