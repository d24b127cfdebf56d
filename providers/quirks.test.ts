import { describe, expect, it } from 'vitest';
import { toChatCompletionParams } from '../harness/protocols/openai-chat/map-request.ts';
import { planTarget } from '../harness/matrix/target-plan.ts';
import { selected } from '../harness/matrix/filters.ts';
import type { ProviderEndpoint } from '../harness/matrix/endpoint-plan.ts';
import { createTarget } from '../harness/runner/create-target.ts';
import { baseRequest } from '../harness/suite/request.ts';
import { createFakeProtocolClient } from '../harness/testing/fake-protocol-client.ts';
import { PROVIDERS } from './index.ts';

const endpoint: ProviderEndpoint = { rootUrl: 'http://127.0.0.1:9', source: 'flag', onUnreachable: 'error', gate: { action: 'run' } };

/** The request the suite kit builds for a pinned model, with the provider's quirks applied. */
async function requestFor(providerId: string, modelId: string) {
  const provider = PROVIDERS.find((entry) => entry.id === providerId);
  const model = provider?.models.find((entry) => entry.id === modelId);
  if (!provider || !model) throw new Error(`no ${providerId}/${modelId} pinned`);
  const protocol = provider.protocols[0]?.protocol ?? 'openai-chat';
  const plan = planTarget(provider, model, protocol, endpoint, 1000);
  const { target } = await createTarget({ ...plan, client: { ...plan.client, secretRef: undefined } }, { connect: async () => createFakeProtocolClient([]) });
  return { plan, request: baseRequest(target, { messages: [{ role: 'user', content: 'hi' }], maxTokens: 8 }) };
}

describe('provider quirks are data the request builder applies (each provider folder)', () => {
  it('every quirk that names models names at least one pinned model (no stale globs)', () => {
    for (const provider of PROVIDERS) {
      for (const quirk of provider.quirks ?? []) {
        if (!quirk.models) continue;
        const pinned = provider.models.map((model) => model.id);
        expect(pinned.some((id) => selected(id, quirk.models ?? [])), `${provider.id}.${quirk.name} matches none of ${pinned.join(', ')}`).toBe(true);
      }
    }
  });

  it('openai gpt-5 family: no temperature (only the default is accepted), max_completion_tokens on the wire; determinism tests unsupported', async () => {
    const { plan, request } = await requestFor('openai', 'gpt-5.1');
    expect(request.temperature).toBeUndefined();
    expect(request.maxTokensField).toBe('max_completion_tokens');
    const wire = toChatCompletionParams(request);
    expect(wire).toMatchObject({ max_completion_tokens: 8 });
    expect(wire).not.toHaveProperty('max_tokens');
    expect(wire).not.toHaveProperty('temperature');
    expect(plan.capabilities.temperature).toBe(false);
  });

  it('openai gpt-4.1-mini keeps temperature 0 and max_tokens (the quirks name only reasoning models)', async () => {
    const { plan, request } = await requestFor('openai', 'gpt-4.1-mini');
    expect(request.temperature).toBe(0);
    expect(toChatCompletionParams(request)).toMatchObject({ max_tokens: 8, temperature: 0 });
    expect(plan.quirks.map((quirk) => quirk.name)).not.toContain('maxCompletionTokens');
  });

  it('openrouter passes OpenAI reasoning models through: no temperature for openai/gpt-5-mini, temperature 0 for llama', async () => {
    expect((await requestFor('openrouter', 'openai/gpt-5-mini')).request.temperature).toBeUndefined();
    expect((await requestFor('openrouter', 'meta-llama/llama-3.3-70b-instruct')).request.temperature).toBe(0);
  });

  it('anthropic never sends top_p (Claude 4.x rejects it beside temperature)', async () => {
    const { plan, request } = await requestFor('anthropic', 'claude-sonnet-4-5');
    expect(request.topP).toBeUndefined();
    expect(plan.quirks.find((quirk) => quirk.name === 'temperatureTopPExclusive')?.request).toEqual({ omit: ['topP'] });
  });

  it('local providers send temperature 0 and a seed (no request quirks)', async () => {
    const { request } = await requestFor('llama_cpp', 'smollm2-135m-instruct');
    expect(request).toMatchObject({ temperature: 0, seed: 42 });
    expect(request.maxTokensField).toBeUndefined();
  });
});
