import { describe, expect, it } from 'vitest';
import embedded from '../../providers/embedded/provider.ts';
import llamaCpp from '../../providers/llama_cpp/provider.ts';
import openai from '../../providers/openai/provider.ts';
import { planProviderEndpoint } from '../matrix/endpoint-plan.ts';
import { modelsFor, planAskTargets } from './ask-targets.ts';

describe('modelsFor', () => {
  it('applies plain --model entries to every provider and "P=M" only to P', () => {
    expect(modelsFor(llamaCpp, ['m1', 'openai=gpt-4.1-mini'])).toEqual(['m1']);
    expect(modelsFor(openai, ['m1', 'openai=gpt-4.1-mini'])).toEqual(['gpt-4.1-mini']);
    expect(modelsFor(openai, ['openrouter=openai/gpt-4o'])).toEqual([]);
  });
});

describe('planAskTargets (no endpoint contacted)', () => {
  const env = {};
  const endpointOf = (provider: typeof openai) =>
    planProviderEndpoint(provider, { env, launched: {}, embeddedModel: { path: '/models/x.gguf' } });

  it('uses the pinned model and the first protocol by default; a missing key blocks with the variable to set', async () => {
    const targets = await planAskTargets({ providers: [embedded, openai], endpointOf, models: [], protocols: [], credentialOf: () => undefined });
    expect(targets.map((target) => `${target.provider.id}/${target.model}/${target.protocol}`)).toEqual(['embedded/smollm2-135m-instruct/embedded', 'openai/gpt-5.1/openai-chat']);
    expect(targets[0]?.blocked).toBeUndefined();
    expect(targets[1]?.blocked).toMatchObject({ kind: 'missing_credentials' });
    expect(targets[1]?.blocked?.fix).toContain('OPENAI_API_KEY');
  });

  it('one target per requested protocol the provider speaks; protocol limits travel with the target', async () => {
    const targets = await planAskTargets({ providers: [openai], endpointOf, models: ['gpt-4.1-mini'], protocols: ['openai-chat', 'openai-responses'], credentialOf: () => undefined });
    expect(targets.map((target) => target.protocol)).toEqual(['openai-chat', 'openai-responses']);
    expect(targets[1]?.capabilities.seed).toBe(false);
  });

  it('carries the provider\'s quirks for the model: a gpt-5 model cannot take a temperature', async () => {
    const [target] = await planAskTargets({ providers: [openai], endpointOf, models: ['gpt-5.1'], protocols: [], credentialOf: () => undefined });
    expect(target?.quirks.map((quirk) => quirk.name)).toContain('reasoningModelsFixedSampling');
    expect(target?.capabilities.temperature).toBe(false);
  });

  it('refuses (usage error) a protocol none of the providers speaks', async () => {
    await expect(planAskTargets({ providers: [embedded], endpointOf, models: [], protocols: ['openai-chat'], credentialOf: () => undefined })).rejects.toThrow(/no selected provider speaks --protocol openai-chat/);
  });
});
