import { APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { toOpenAIVerifyError } from './openai-sdk.ts';
import { openAIStreamError } from './openai-stream-error.ts';

const WHERE = 'openai-chat stream';

describe('an error object inside a 200 stream is the server reporting its own failure', () => {
  it('LiteLLM 1.108.7 mid-stream (code "500", type null): server [infra], no HTTP status invented', () => {
    // Seen live: LiteLLM forwarding llama-server's "does not match the expected peg-native format" mid-stream.
    const body = { message: 'litellm.APIConnectionError: APIConnectionError: OpenAIException - The model produced output that does not match', type: null, param: null, code: '500' };
    const error = toOpenAIVerifyError(new APIError(undefined, body, undefined, new Headers()), WHERE, undefined);
    expect(error.kind).toBe('server');
    expect(error.layer).toBe('infra');
    expect(error.status).toBeUndefined();
    expect(error.message).toBe(`${WHERE}: server (error event in the stream, code 500): ${body.message}`);
  });

  it('kinds from OpenAI error types and codes; an unknown shape is still the server', () => {
    expect(openAIStreamError({ message: 'slow down', type: 'rate_limit_exceeded' }, WHERE, [])?.kind).toBe('rate_limit');
    expect(openAIStreamError({ message: 'bad', type: 'invalid_request_error' }, WHERE, [])?.layer).toBe('protocol');
    expect(openAIStreamError({ message: 'quota', code: 'insufficient_quota' }, WHERE, [])?.kind).toBe('rate_limit');
    expect(openAIStreamError({ message: 'who knows' }, WHERE, [])).toMatchObject({ kind: 'server', layer: 'infra' });
    expect(openAIStreamError({ message: 'no key', code: 401 }, WHERE, [])?.kind).toBe('auth');
  });

  it('scrubs secrets from the server\'s message', () => {
    expect(openAIStreamError({ message: 'key sk-secret-123 refused' }, WHERE, ['sk-secret-123'])?.message).not.toContain('sk-secret-123');
  });

  it('leaves everything else to the usual mapping: HTTP errors, aborts, bodies without a message', () => {
    expect(toOpenAIVerifyError(new APIError(500, { message: 'boom' }, undefined, new Headers()), WHERE, undefined)).toMatchObject({ kind: 'server', status: 500 });
    expect(toOpenAIVerifyError(new APIUserAbortError(), WHERE, undefined).kind).toBe('aborted');
    expect(openAIStreamError('just text', WHERE, [])).toBeUndefined();
    expect(openAIStreamError({ detail: 'x' }, WHERE, [])).toBeUndefined();
  });
});
