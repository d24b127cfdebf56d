import { VerifyError, type ErrorKind } from '../../contract/verify-error.ts';
import { kindFromStatus, layerOfKind } from './http-error.ts';
import { redactSecrets } from './redact.ts';

/** OpenAI's error object types (and the rate-limit code) to normalized kinds. */
const KIND_OF_TYPE: Record<string, ErrorKind> = {
  invalid_request_error: 'invalid_request',
  authentication_error: 'auth',
  permission_error: 'auth',
  not_found_error: 'model_not_found',
  rate_limit_error: 'rate_limit',
  rate_limit_exceeded: 'rate_limit',
  insufficient_quota: 'rate_limit',
  server_error: 'server',
  api_error: 'server',
};

const field = (value: unknown, name: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined);

/**
 * The error object a server sent INSIDE a 200 stream (`data: {"error": {...}}`; the openai SDK throws
 * it as an APIError without an HTTP status) as a VerifyError: the server's own report that it failed
 * mid-answer. Its kind comes from a numeric `code` (an HTTP status, as gateways put it), else the
 * error `type`, else it is a server error (layer infra); no HTTP status is invented. Undefined when
 * `body` is not an error object with a message (then the SDK error is classified as usual).
 */
export function openAIStreamError(body: unknown, where: string, secrets: readonly (string | undefined)[], cause?: unknown): VerifyError | undefined {
  const message = field(body, 'message');
  if (typeof message !== 'string') return undefined;
  const code = field(body, 'code');
  const type = field(body, 'type');
  const status = Number(code);
  const kind: ErrorKind =
    Number.isInteger(status) && status >= 400 && status < 600
      ? kindFromStatus(status, message)
      : (typeof type === 'string' ? KIND_OF_TYPE[type] : undefined) ?? (typeof code === 'string' ? KIND_OF_TYPE[code] : undefined) ?? 'server';
  const labels = [typeof type === 'string' ? `type ${type}` : undefined, code !== undefined && code !== null ? `code ${String(code)}` : undefined].filter(Boolean).join(', ');
  const text = redactSecrets(message, [...secrets]);
  return new VerifyError({ kind, layer: layerOfKind(kind), message: `${where}: ${kind} (error event in the stream${labels ? `, ${labels}` : ''}): ${text}`, cause });
}
