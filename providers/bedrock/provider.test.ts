import { describe, expect, it } from 'vitest';
import provider from './provider.ts';

describe('provider bedrock', () => {
  it('declares list_models false (the runtime API has none) and uses inference profile ids', () => {
    for (const model of provider.models) {
      expect(model.capabilities.list_models).toBe(false);
      expect(model.id).toMatch(/^us\./);
    }
    expect(provider.settingsEnv).toHaveProperty('AWS_REGION');
  });
});
