import { describe, expect, it } from 'vitest';
import provider from './provider.ts';

describe('provider gemini', () => {
  it('takes GEMINI_API_KEY or GOOGLE_API_KEY and joins no path (the SDK adds the API version)', () => {
    expect(provider.auth?.envVars).toEqual(['GEMINI_API_KEY', 'GOOGLE_API_KEY']);
    expect(provider.protocols).toEqual([{ protocol: 'gemini', path: '' }]);
  });
});
