import { describe, expect, it } from 'vitest';
import { liveLlamaServer } from './live-llama-server.ts';

describe('liveLlamaServer', () => {
  it('reduces LLM_VERIFY_LLAMA_URL to the server root and defaults the model', () => {
    expect(liveLlamaServer({ LLM_VERIFY_LLAMA_URL: 'http://127.0.0.1:8080/v1/' })).toEqual({ root: 'http://127.0.0.1:8080', model: 'smollm2-135m-instruct' });
    expect(liveLlamaServer({ LLM_VERIFY_LLAMA_URL: 'http://h:1', LLM_VERIFY_LLAMA_MODEL: 'm' })).toEqual({ root: 'http://h:1', model: 'm' });
  });

  it('has no root when the variable is unset (the live suites skip)', () => {
    expect(liveLlamaServer({}).root).toBeUndefined();
  });
});
