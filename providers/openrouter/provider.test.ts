import { describe, expect, it } from 'vitest';
import provider from './provider.ts';

describe('provider openrouter', () => {
  it('uses vendor-prefixed model ids on the /api/v1 OpenAI endpoint', () => {
    for (const model of provider.models) expect(model.id).toMatch(/^[a-z-]+\/[\w.-]+$/);
    expect(`${provider.baseUrl?.default}${provider.protocols[0]?.path}`).toBe('https://openrouter.ai/api/v1');
  });
});
