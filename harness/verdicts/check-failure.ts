import type { FailureLayer } from '../contract/verify-error.ts';

/** Thrown by a check that did not hold: a `fail` verdict with the layer it belongs to. */
export class CheckFailure extends Error {
  readonly layer: FailureLayer;
  constructor(layer: FailureLayer, message: string) {
    super(message);
    this.name = 'CheckFailure';
    this.layer = layer;
  }
}

/** Thrown to end a test with a non-failing verdict decided at run time. */
export class VerdictSignal extends Error {
  readonly verdict: 'skipped' | 'unsupported';
  constructor(verdict: 'skipped' | 'unsupported', reason: string) {
    super(reason);
    this.name = 'VerdictSignal';
    this.verdict = verdict;
  }
}

/** A wire-contract check: shapes, ids, finish reasons, usage, event order. */
export function protocolCheck(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailure('protocol', message);
}

/** A model-behaviour check: the answer is right. A tiny model may fail these honestly. */
export function modelCheck(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailure('model', message);
}

/**
 * A check of our own code (the harness's tool, loop or request did what the test relies on): when
 * it does not hold, the verdict is `error` with layer harness, never a fail of the endpoint.
 */
export function harnessCheck(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailure('harness', message);
}

/** A parse check: the payload could be read (valid JSON arguments, schema-valid). */
export function parserCheck(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailure('parser', message);
}

/** A server-side condition check: the endpoint reports itself unable to serve (unhealthy, capacity). */
export function infraCheck(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailure('infra', message);
}
