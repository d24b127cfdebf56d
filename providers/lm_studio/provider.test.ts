import { describe, expect, it } from 'vitest';
import provider from './provider.ts';

describe('provider lm_studio', () => {
  it('discovers its models on :1234 and tells how to start the server', () => {
    expect(provider).toMatchObject({ kind: 'local', discoverModels: true, baseUrl: { default: 'http://localhost:1234' } });
    expect(provider.setupHint).toContain('lms server start');
  });
});
