import type { ClientConfig } from '../../contract/protocol-client.ts';
import type { Transcript } from '../../contract/transcript.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { normalizeError } from './http-error.ts';
import { createRecordingFetch } from './recording-fetch.ts';
import { splitUrlCredentials, withUrlCredentials } from './url-credentials.ts';

/**
 * Local servers accept any key when they check none; the Stainless-generated SDKs (openai,
 * @anthropic-ai/sdk) insist on one. Passing one also stops them from looking for credentials
 * elsewhere (env vars, profile files).
 */
export const NO_KEY = 'no-key';

/** Constructor options shared by the openai and @anthropic-ai/sdk clients: every request is recorded. */
export function sdkClientOptions(config: ClientConfig, transcript: Transcript) {
  const recording = createRecordingFetch(transcript);
  // Credentials inside the base URL (userinfo, query keys) go on each request, not in the SDK's base URL.
  const credentials = splitUrlCredentials(config.baseUrl);
  return {
    apiKey: config.apiKey ?? NO_KEY,
    baseURL: credentials?.url ?? config.baseUrl,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    fetch: credentials ? withUrlCredentials(recording, credentials, config.apiKey === undefined) : recording,
  };
}

/** The caller's AbortSignal fired: the same VerifyError for every adapter. */
export function abortedError(where: string, cause: unknown): VerifyError {
  return new VerifyError({ kind: 'aborted', layer: 'transport', message: `${where}: aborted by the caller`, cause });
}

type ErrorClass<E extends Error = Error> = abstract new (...args: never[]) => E;

/**
 * A VerifyError mapper for a Stainless-generated SDK: its user-abort error class means aborted
 * (test it first: it extends the API error class), its API error class carries the HTTP status
 * for the shared table; anything else (connection failures) is classified by normalizeError.
 */
export function sdkErrorMapper(classes: { userAbort: ErrorClass; api: ErrorClass<Error & { status: number | undefined }> }) {
  return (error: unknown, where: string, apiKey: string | undefined): VerifyError => {
    if (error instanceof classes.userAbort) return abortedError(where, error);
    const status = error instanceof classes.api ? error.status : undefined;
    return normalizeError({ error, status, secrets: [apiKey], where });
  };
}
