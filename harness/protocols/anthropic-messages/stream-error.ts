import { APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { VerifyError, type ErrorKind } from '../../contract/verify-error.ts';
import { layerOfKind } from '../shared/http-error.ts';
import { redactSecrets } from '../shared/redact.ts';
import { sdkErrorMapper } from '../shared/sdk-client.ts';

/** The error types of Anthropic's error object, as the protocol defines them, to normalized kinds. */
const KIND_OF_TYPE: Record<string, ErrorKind> = {
  invalid_request_error: 'invalid_request',
  authentication_error: 'auth',
  permission_error: 'auth',
  not_found_error: 'model_not_found',
  request_too_large: 'context_length',
  rate_limit_error: 'rate_limit',
  api_error: 'server',
  overloaded_error: 'server',
};

/** The `error.type` of an `event: error` body ({"type":"error","error":{"type":…,"message":…}}). */
function streamErrorType(body: unknown): string | undefined {
  const inner = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  const type = typeof inner === 'object' && inner !== null ? (inner as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : undefined;
}

const fromSdk = sdkErrorMapper({ userAbort: APIUserAbortError, api: APIError });

/**
 * Maps what @anthropic-ai/sdk threw to a VerifyError. An `event: error` in a stream (the SDK throws
 * an APIError without an HTTP status: the response was 200) is the server's own error report: its
 * kind comes from the error type the protocol defines, and no HTTP status is invented.
 */
export function toVerifyError(error: unknown, where: string, apiKey: string | undefined): VerifyError {
  if (error instanceof APIError && error.status === undefined) {
    const type = streamErrorType(error.error);
    if (type !== undefined) {
      const kind = KIND_OF_TYPE[type] ?? 'unknown';
      const message = redactSecrets(error.message, [apiKey]);
      return new VerifyError({ kind, layer: kind === 'unknown' ? 'protocol' : layerOfKind(kind), message: `${where}: ${kind} (stream event error, type ${type}): ${message}`, cause: error });
    }
  }
  return fromSdk(error, where, apiKey);
}
