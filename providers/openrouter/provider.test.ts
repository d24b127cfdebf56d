import { describe, expect, it } from 'vitest';
import { isCapability } from '../../harness/contract/capability.ts';
import { isProtocolId } from '../../harness/contract/protocol-client.ts';
import provider from './provider.ts';

const ID = 'openrouter';

describe(`provider ${ID}`, () => {
  it('is well-formed: folder id, known protocols and capabilities, unique model ids, env names, honest liveVerifiedHere', () => {
    expect(provider.id).toBe(ID);
    for (const endpoint of provider.protocols) expect(isProtocolId(endpoint.protocol)).toBe(true);
    const ids = provider.models.map((model) => model.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const model of provider.models) for (const name of Object.keys(model.capabilities)) expect(isCapability(name)).toBe(true);
    for (const name of [...(provider.auth?.envVars ?? []), provider.baseUrl?.env ?? 'X']) expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(provider.baseUrl?.env).toBe(`${ID.toUpperCase()}_BASE_URL`);
    expect(provider.liveVerifiedHere).toMatch(/^no /);
    for (const quirk of provider.quirks ?? []) expect(quirk.reason.length).toBeGreaterThan(20);
  });

  it('uses vendor-prefixed model ids on the /api/v1 OpenAI endpoint', () => {
    for (const model of provider.models) expect(model.id).toMatch(/^[a-z-]+\/[\w.-]+$/);
    expect(`${provider.baseUrl?.default}${provider.protocols[0]?.path}`).toBe('https://openrouter.ai/api/v1');
  });
});
