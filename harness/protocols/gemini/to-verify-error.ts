import { ApiError } from '@google/genai';
import { VerifyError } from '../../contract/verify-error.ts';
import { normalizeError } from '../shared/http-error.ts';
import { redactSecrets } from '../shared/redact.ts';
import { abortedError } from '../shared/sdk-client.ts';

/** Gemini answers a bad or missing key with 400 INVALID_ARGUMENT (reason API_KEY_INVALID) or 403, not 401. */
const BAD_KEY = /API key not valid|API_KEY_INVALID|API key expired|API_KEY_EXPIRED|unregistered callers/i;

/** Maps what @google/genai threw (ApiError carries the HTTP status) to a VerifyError. */
export function toGeminiVerifyError(error: unknown, where: string, apiKey: string | undefined): VerifyError {
  if (error instanceof VerifyError) return error;
  if (error instanceof Error && error.name === 'AbortError') {
    return abortedError(where, error);
  }
  const status = error instanceof ApiError ? error.status : undefined;
  if (status !== undefined && (status === 400 || status === 403) && error instanceof Error && BAD_KEY.test(error.message)) {
    const message = redactSecrets(error.message, [apiKey]);
    return new VerifyError({ kind: 'auth', layer: 'protocol', status, message: `${where}: auth (HTTP ${status}): ${message}`, cause: error });
  }
  const normalized = normalizeError({ error, status, secrets: [apiKey], where });
  // "The input token count (N) exceeds the maximum number of tokens allowed (M)." is a 400.
  if (status === 400 && error instanceof Error && /token count .{0,40}exceeds the maximum/i.test(error.message)) {
    return new VerifyError({ kind: 'context_length', layer: 'protocol', status, message: normalized.message.replace(': invalid_request (', ': context_length ('), cause: error });
  }
  return normalized;
}
