import { VerifyError, type ErrorKind, type FailureLayer } from '../../contract/verify-error.ts';
import { redactSecrets } from './redact.ts';

/** Maps an HTTP status (and the body's message) to a normalized error kind. */
export function kindFromStatus(status: number, message = ''): ErrorKind {
  const text = message.toLowerCase();
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate_limit';
  if (status === 404) return text.includes('model') || text === '' ? 'model_not_found' : 'invalid_request';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 413 || /context (length|window)|too many tokens|exceeds? the (context|available)|maximum context/.test(text)) {
    return 'context_length';
  }
  if (status >= 400 && status < 500) {
    if (/model.*(not found|does not exist|unknown|not available|invalid)|(unknown|invalid|no such) model/.test(text)) return 'model_not_found';
    return 'invalid_request';
  }
  if (status >= 500) return 'server';
  return 'unknown';
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET']);

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The layer of an HTTP error kind: the server failed to serve (5xx) or is out of capacity (429)
 * → infra; a gateway or request timeout → transport; any other 4xx is the protocol's contract.
 */
export function layerOfKind(kind: ErrorKind): FailureLayer {
  if (kind === 'server' || kind === 'rate_limit') return 'infra';
  if (kind === 'timeout') return 'transport';
  return 'protocol';
}

export interface NormalizeInput {
  error: unknown;
  /** HTTP status when the SDK exposes one. */
  status?: number;
  /** Secrets to scrub from the message. */
  secrets?: ReadonlyArray<string | undefined>;
  /** Where this happened, e.g. "openai-chat POST /chat/completions". */
  where: string;
}

/**
 * Turns anything an SDK call threw into a VerifyError. Adapters pass the status they read from
 * their SDK's own error class; this function knows no SDK. Only SDK calls may be passed here:
 * an exception that is neither HTTP, the network, an abort, a timeout nor unparsable bytes is
 * labelled harness (kind harness_bug), never blamed on the endpoint.
 */
export function normalizeError({ error, status, secrets = [], where }: NormalizeInput): VerifyError {
  if (error instanceof VerifyError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const message = redactSecrets(raw, secrets);
  const name = error instanceof Error ? error.name : '';
  let kind: ErrorKind;
  let layer: FailureLayer;
  if (name === 'AbortError' || /aborted|abort/i.test(name)) {
    kind = 'aborted';
    layer = 'transport';
  } else if (status !== undefined && status > 0) {
    kind = kindFromStatus(status, message);
    layer = layerOfKind(kind);
  } else if (/timed? ?out|timeout/i.test(name + ' ' + raw)) {
    kind = 'timeout';
    layer = 'transport';
  } else if (causeCode(error) || /connection error|fetch failed|ECONNREFUSED|socket hang up|network/i.test(raw)) {
    kind = 'network';
    layer = 'transport';
  } else if (error instanceof SyntaxError) {
    // The SDK could not parse what the server sent (a malformed JSON body or stream event).
    kind = 'invalid_response';
    layer = 'parser';
  } else {
    // Neither HTTP nor the network nor the server's bytes: nothing says the endpoint failed.
    kind = 'harness_bug';
    layer = 'harness';
  }
  const statusText = status ? ` (HTTP ${status})` : '';
  return new VerifyError({ kind, layer, status, message: `${where}: ${kind}${statusText}: ${message}`, cause: error });
}
