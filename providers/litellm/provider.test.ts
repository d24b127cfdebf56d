import { describe, expect, it } from 'vitest';
import provider from './provider.ts';

describe('provider litellm', () => {
  it('speaks four protocols on one port, gemini under /v1beta with no model listing declared', () => {
    expect(provider.protocols.map((entry) => entry.protocol)).toEqual(['openai-chat', 'openai-responses', 'anthropic-messages', 'gemini']);
    expect(provider.protocols.find((entry) => entry.protocol === 'gemini')).toMatchObject({ path: '', apiVersion: 'v1beta', capabilities: { list_models: false } });
  });

  it('is launchable with --local, takes LITELLM_BASE_URL and LITELLM_API_KEY, and checks its own liveliness route', () => {
    expect(provider).toMatchObject({ local: 'litellm', baseUrl: { env: 'LITELLM_BASE_URL' }, auth: { envVars: ['LITELLM_API_KEY'], required: false }, discoverModels: true });
    expect(provider.healthEndpoint).toEqual({ path: '/health/liveliness' });
  });
});
