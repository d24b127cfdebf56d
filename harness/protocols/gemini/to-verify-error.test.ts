import { ApiError } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { toGeminiVerifyError } from './to-verify-error.ts';

describe('gemini toGeminiVerifyError (typed ApiError)', () => {
  const key = 'AIzaSyTEST-secret-key-0000';
  it.each([
    [400, '{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"reason":"API_KEY_INVALID"}]}}', 'auth'],
    [403, '{"error":{"code":403,"message":"Method doesn\'t allow unregistered callers (callers without established identity).","status":"PERMISSION_DENIED"}}', 'auth'],
    [404, '{"error":{"code":404,"message":"models/gemini-0 is not found for API version v1beta, or is not supported for generateContent.","status":"NOT_FOUND"}}', 'model_not_found'],
    [429, '{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}', 'rate_limit'],
    [400, '{"error":{"code":400,"message":"The input token count (2000000) exceeds the maximum number of tokens allowed (1048576).","status":"INVALID_ARGUMENT"}}', 'context_length'],
    [503, '{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}', 'server'],
  ])('HTTP %i → %s', (status, message, kind) => {
    const mapped = toGeminiVerifyError(new ApiError({ status, message }), 'gemini test', key);
    expect(mapped).toMatchObject({ kind, status });
  });

  it('scrubs the key from messages', () => {
    const mapped = toGeminiVerifyError(new ApiError({ status: 400, message: `API key not valid: ${key}` }), 'gemini test', key);
    expect(mapped.message).not.toContain(key);
  });
});
