import { describe, expect, it } from 'vitest';
import provider from './provider.ts';

describe('provider vllm', () => {
  it('discovers its models from the server and needs no key', () => {
    expect(provider).toMatchObject({ kind: 'local', discoverModels: true, models: [], auth: { required: false } });
  });
});
