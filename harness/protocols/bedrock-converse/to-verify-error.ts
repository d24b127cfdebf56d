import { VerifyError, type ErrorKind } from '../../contract/verify-error.ts';
import { layerOfKind, normalizeError } from '../shared/http-error.ts';
import { redactSecrets } from '../shared/redact.ts';
import { abortedError } from '../shared/sdk-client.ts';

/** Exception names of the Bedrock runtime (and of AWS auth in general) with a fixed meaning. */
const KIND_BY_NAME: Record<string, ErrorKind> = {
  AccessDeniedException: 'auth',
  UnrecognizedClientException: 'auth',
  InvalidSignatureException: 'auth',
  IncompleteSignatureException: 'auth',
  ExpiredTokenException: 'auth',
  MissingAuthenticationTokenException: 'auth',
  CredentialsProviderError: 'auth',
  TokenProviderError: 'auth',
  ThrottlingException: 'rate_limit',
  ServiceQuotaExceededException: 'rate_limit',
  ModelTimeoutException: 'timeout',
  InternalServerException: 'server',
  ServiceUnavailableException: 'server',
  ModelErrorException: 'server',
  ModelNotReadyException: 'server',
  ModelStreamErrorException: 'server',
};

/** A ValidationException / ResourceNotFoundException that is about the model id. */
const MODEL_PROBLEM =
  /model identifier is invalid|model.{0,60}(not found|does not exist|doesn't exist|not supported|isn't supported|not available|is invalid)|inference profile|on-demand throughput/i;

interface ServiceErrorShape {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

function kindFor(name: string, message: string): ErrorKind | undefined {
  const fixed = KIND_BY_NAME[name];
  if (fixed) return fixed;
  if (name === 'ResourceNotFoundException') return MODEL_PROBLEM.test(message) || /model/i.test(message) ? 'model_not_found' : 'invalid_request';
  if (name === 'ValidationException') {
    if (MODEL_PROBLEM.test(message)) return 'model_not_found';
    if (/too long|too many (input )?tokens|context (length|window)|exceeds? the (maximum|context)/i.test(message)) return 'context_length';
    return 'invalid_request';
  }
  return undefined;
}

/**
 * Maps what the AWS SDK threw to a VerifyError: by exception name first (AWS errors say more by
 * name than by status), else by `$metadata.httpStatusCode` through the shared table.
 */
export function toBedrockVerifyError(error: unknown, where: string, secrets: ReadonlyArray<string | undefined>): VerifyError {
  if (error instanceof VerifyError) return error;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as ServiceErrorShape;
  const name = typeof shape.name === 'string' ? shape.name : '';
  const message = redactSecrets(typeof shape.message === 'string' ? shape.message : String(error), secrets);
  const rawStatus = shape.$metadata?.httpStatusCode;
  const status = typeof rawStatus === 'number' ? rawStatus : undefined;
  if (name === 'AbortError') {
    return abortedError(where, error);
  }
  const kind = kindFor(name, message);
  if (kind === undefined) return normalizeError({ error, status, secrets, where });
  const layer = kind === 'auth' && status === undefined ? 'infra' : layerOfKind(kind);
  const statusText = status ? ` (HTTP ${status})` : '';
  return new VerifyError({ kind, layer, status, message: `${where}: ${kind}${statusText}: ${name}: ${message}`, cause: error });
}
