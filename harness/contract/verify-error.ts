/** Where a failure happened: the wire, the protocol contract, parsing, the model's behaviour, or infrastructure. */
export type FailureLayer = 'transport' | 'protocol' | 'parser' | 'model' | 'infra';

/** Provider-independent kind of an error. */
export type ErrorKind =
  | 'auth'
  | 'model_not_found'
  | 'rate_limit'
  | 'context_length'
  | 'invalid_request'
  | 'server'
  | 'timeout'
  | 'network'
  | 'aborted'
  | 'unknown';

export interface VerifyErrorInit {
  kind: ErrorKind;
  layer: FailureLayer;
  message: string;
  status?: number;
  cause?: unknown;
}

/** The one error type adapters throw. Its message never contains credentials. */
export class VerifyError extends Error {
  readonly kind: ErrorKind;
  readonly layer: FailureLayer;
  readonly status: number | undefined;

  constructor(init: VerifyErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'VerifyError';
    this.kind = init.kind;
    this.layer = init.layer;
    this.status = init.status;
  }
}

export function isVerifyError(value: unknown): value is VerifyError {
  return value instanceof VerifyError;
}
