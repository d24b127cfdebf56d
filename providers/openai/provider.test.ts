import { describe, expect, it } from 'vitest';
import provider from './provider.ts';

describe('provider openai', () => {
  it('speaks Chat Completions and Responses under /v1 with a required key', () => {
    expect(provider.protocols).toEqual([{ protocol: 'openai-chat', path: '/v1' }, { protocol: 'openai-responses', path: '/v1' }]);
    expect(provider.auth).toEqual({ envVars: ['OPENAI_API_KEY'], required: true });
  });
});
