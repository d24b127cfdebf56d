import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCapability } from '../harness/contract/capability.ts';
import type { ProviderDefinition } from '../harness/contract/provider.ts';
import { isProtocolId } from '../harness/protocols/registry.ts';
import { PROVIDERS } from './index.ts';

/** Every provider folder (providers/<id>/provider.ts), loaded by folder name, PROVIDERS-listed or not. */
const here = new URL('./', import.meta.url);
const folders = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(new URL(`./${entry.name}/provider.ts`, here)))
  .map((entry) => entry.name)
  .sort();
const loaded: Array<[string, ProviderDefinition]> = await Promise.all(
  folders.map(async (folder): Promise<[string, ProviderDefinition]> => [folder, ((await import(`./${folder}/provider.ts`)) as { default: ProviderDefinition }).default]),
);

/**
 * What legitimately differs between providers. liveVerifiedHere: true where a real peer runs here,
 * else a string starting "no ". baseUrlEnv: whether the provider takes <ID>_BASE_URL (the
 * in-process embedded provider has no base URL at all).
 */
const EXPECTED: Record<string, { liveVerifiedHere: boolean; baseUrlEnv: boolean }> = {
  anthropic: { liveVerifiedHere: false, baseUrlEnv: true },
  bedrock: { liveVerifiedHere: false, baseUrlEnv: true },
  embedded: { liveVerifiedHere: true, baseUrlEnv: false },
  gemini: { liveVerifiedHere: false, baseUrlEnv: true },
  litellm: { liveVerifiedHere: true, baseUrlEnv: true },
  llama_cpp: { liveVerifiedHere: true, baseUrlEnv: true },
  lm_studio: { liveVerifiedHere: false, baseUrlEnv: true },
  ollama: { liveVerifiedHere: true, baseUrlEnv: true },
  openai: { liveVerifiedHere: false, baseUrlEnv: true },
  openai_compatible: { liveVerifiedHere: true, baseUrlEnv: true },
  openrouter: { liveVerifiedHere: false, baseUrlEnv: true },
  vllm: { liveVerifiedHere: false, baseUrlEnv: true },
};

describe('providers', () => {
  it('finds every provider folder, each with expectations, and PROVIDERS lists only those folders, once each', () => {
    expect(folders).toEqual(Object.keys(EXPECTED).sort());
    const listed = PROVIDERS.map((provider) => provider.id);
    expect(new Set(listed).size).toBe(listed.length);
    for (const id of listed) expect(folders).toContain(id);
  });

  it.each(loaded)('%s is well-formed: folder id, known protocols and capabilities, unique model ids, env names, honest liveVerifiedHere', (folder, provider) => {
    const expected = EXPECTED[folder];
    expect(expected).toBeDefined();
    expect(provider.id).toBe(folder);
    for (const endpoint of provider.protocols) expect(isProtocolId(endpoint.protocol)).toBe(true);
    const ids = provider.models.map((model) => model.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const model of provider.models) for (const name of Object.keys(model.capabilities)) expect(isCapability(name)).toBe(true);
    for (const name of [...(provider.auth?.envVars ?? []), provider.baseUrl?.env ?? 'X']) expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(provider.baseUrl?.env).toBe(expected?.baseUrlEnv ? `${folder.toUpperCase()}_BASE_URL` : undefined);
    if (expected?.liveVerifiedHere) expect(provider.liveVerifiedHere).toBe(true);
    else expect(provider.liveVerifiedHere).toMatch(/^no /);
    for (const quirk of provider.quirks ?? []) expect(quirk.reason.length).toBeGreaterThan(20);
  });
});

describe('declared prices', () => {
  it('name pinned models only, with a source page, a date and non-negative rates; local providers declare none', async () => {
    const { PROVIDERS } = await import('./index.ts');
    for (const provider of PROVIDERS) {
      if (!provider.prices) continue;
      expect(provider.kind, provider.id).toBe('cloud');
      expect(provider.prices.source).toMatch(/^https:\/\//);
      expect(provider.prices.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const [model, price] of Object.entries(provider.prices.models)) {
        expect(provider.models.map((entry) => entry.id), `${provider.id}: ${model}`).toContain(model);
        for (const rate of [price.input, price.output, price.cachedInput ?? 0]) expect(rate).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
