import Anthropic, { APIError as AnthropicAPIError, APIUserAbortError as AnthropicAbort } from '@anthropic-ai/sdk';
import OpenAI, { APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { createOpenAISdk, toOpenAIVerifyError } from './openai-sdk.ts';
import { NO_KEY, abortedError, sdkClientOptions, sdkErrorMapper } from './sdk-client.ts';
import { createTranscript } from './transcript.ts';

const config = { protocol: 'openai-chat' as const, baseUrl: 'http://127.0.0.1:9/v1', timeoutMs: 1234, maxRetries: 2 };

describe('sdk client options', () => {
  it('passes base URL and timeout through, turns the SDK\'s own retries off (the harness retries), and stands in a placeholder key when none is set', () => {
    const options = sdkClientOptions(config, createTranscript());
    expect(options).toMatchObject({ apiKey: NO_KEY, baseURL: 'http://127.0.0.1:9/v1', timeout: 1234, maxRetries: 0 });
    expect(sdkClientOptions({ ...config, apiKey: 'sk-x' }, createTranscript()).apiKey).toBe('sk-x');
    expect(typeof options.fetch).toBe('function');
  });

  it('builds working openai and anthropic clients from the same options', () => {
    const sdk = createOpenAISdk(config, createTranscript());
    expect(sdk).toBeInstanceOf(OpenAI);
    expect(sdk.baseURL).toBe('http://127.0.0.1:9/v1');
    expect(new Anthropic(sdkClientOptions(config, createTranscript())).apiKey).toBe(NO_KEY);
  });
});

describe('sdk error mapping', () => {
  it('says aborted for the caller aborting', () => {
    expect(abortedError('w', undefined)).toMatchObject({ kind: 'aborted', layer: 'transport', message: 'w: aborted by the caller' });
    expect(toOpenAIVerifyError(new APIUserAbortError(), 'x', undefined).kind).toBe('aborted');
  });

  it('reads the HTTP status of an API error and keeps the key out of the message', () => {
    const error = toOpenAIVerifyError(new APIError(401, { message: 'bad key sk-secret-1' }, 'bad key sk-secret-1', new Headers()), 'x', 'sk-secret-1');
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(error.message).not.toContain('sk-secret-1');
  });

  it('works for @anthropic-ai/sdk classes too, and classifies connection failures', () => {
    const toVerifyError = sdkErrorMapper({ userAbort: AnthropicAbort, api: AnthropicAPIError });
    expect(toVerifyError(new AnthropicAbort(), 'x', undefined).kind).toBe('aborted');
    expect(toVerifyError(new AnthropicAPIError(429, undefined, 'slow down', new Headers()), 'x', undefined)).toMatchObject({ kind: 'rate_limit', status: 429 });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(toVerifyError(refused, 'x', undefined).kind).toBe('network');
  });
});
