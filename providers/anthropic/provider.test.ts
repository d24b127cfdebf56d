import { describe, expect, it } from 'vitest';
import provider from './provider.ts';

describe('provider anthropic', () => {
  it('declares no seed for Claude (the Messages API has none) and flags max_tokens as required', () => {
    for (const model of provider.models) expect(model.capabilities.seed).toBe(false);
    expect(provider.quirks?.find((quirk) => quirk.name === 'maxTokensRequired')?.value).toBe(true);
  });
});
