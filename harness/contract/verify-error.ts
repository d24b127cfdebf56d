/**
 * Who failed: the wire, the protocol contract, reading the server's bytes, the model's answer,
 * the server's infrastructure, or this harness itself (our own bug: never blamed on an endpoint).
 * The one rule every adapter and suite follows is written in harness/suite/verdict-checks.ts.
 */
export type FailureLayer = 'transport' | 'protocol' | 'parser' | 'model' | 'infra' | 'harness';

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
  /** The server's bytes could not be read (malformed JSON body or stream event). */
  | 'invalid_response'
  /** The stream ended without the terminal signal its protocol defines. */
  | 'incomplete_stream'
  /** The protocol cannot carry what the request needs (a test needing it is `unsupported`). */
  | 'unrepresentable'
  /** Our own code threw (mapping, request building, a check): layer harness. */
  | 'harness_bug'
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

/**
 * Our own code threw (request/response/stream mapping, request building): an `error` with layer
 * harness, never a verdict on the endpoint. The original error stays the cause (its stack reaches
 * the cell's details).
 */
export function harnessBug(where: string, error: unknown): VerifyError {
  if (error instanceof VerifyError) return error;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new VerifyError({ kind: 'harness_bug', layer: 'harness', message: `${where}: harness bug: ${text}`, cause: error });
}

/** The protocol cannot carry what the request needs: the test is `unsupported` on this protocol. */
export function unrepresentable(message: string): VerifyError {
  return new VerifyError({ kind: 'unrepresentable', layer: 'protocol', message });
}
