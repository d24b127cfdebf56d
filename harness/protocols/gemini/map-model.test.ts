import { describe, expect, it } from 'vitest';
import { fromModel } from './map-model.ts';

describe('gemini fromModel', () => {
  it('strips "models/", keeps limits, drops models that cannot generateContent', () => {
    expect(fromModel({ name: 'models/gemini-2.5-flash', displayName: 'Gemini 2.5 Flash', inputTokenLimit: 1048576, supportedActions: ['generateContent', 'countTokens'], thinking: true })).toEqual({
      id: 'gemini-2.5-flash',
      displayName: 'Gemini 2.5 Flash',
      contextWindow: 1048576,
      capabilities: { reasoning: true },
    });
    expect(fromModel({ name: 'models/gemini-embedding-001', supportedActions: ['embedContent'] })).toBeUndefined();
  });
});
