import { VerifyError, type ErrorKind, type FailureLayer } from '../contract/verify-error.ts';
import { CheckFailure, VerdictSignal } from './check-failure.ts';
import type { Verdict } from './verdict.ts';

export interface Classified {
  verdict: Verdict;
  layer?: FailureLayer;
  kind?: ErrorKind;
  message?: string;
  /** For harness errors: the stack of what our own code threw (goes into the cell's details). */
  stack?: string;
}

/** Kinds where the harness could not reach a verdict about the endpoint. */
const INCONCLUSIVE: ReadonlySet<ErrorKind> = new Set(['timeout', 'rate_limit', 'aborted']);

/** The stack of the innermost cause that has one (the place our code really threw). */
function stackOf(error: unknown): string | undefined {
  let stack: string | undefined;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (typeof current.stack === 'string') stack = current.stack;
    current = current.cause;
  }
  return stack;
}

/**
 * Maps what a test body threw (or undefined for success) to a verdict. Endpoint failures are
 * `fail` in their layer; anything of layer harness (our own bug, including a plain exception
 * that is neither a check nor a normalized error) is `error` with its stack; a request the
 * protocol cannot carry is `unsupported`.
 */
export function classifyOutcome(thrown: unknown): Classified {
  if (thrown === undefined) return { verdict: 'pass' };
  if (thrown instanceof VerdictSignal) return { verdict: thrown.verdict, message: thrown.message };
  if (thrown instanceof CheckFailure) {
    if (thrown.layer === 'harness') return { verdict: 'error', layer: 'harness', message: `harness: ${thrown.message}`, stack: stackOf(thrown) };
    return { verdict: 'fail', layer: thrown.layer, message: thrown.message };
  }
  if (thrown instanceof VerifyError) {
    if (thrown.kind === 'unrepresentable') return { verdict: 'unsupported', message: thrown.message };
    if (thrown.layer === 'harness') return { verdict: 'error', layer: 'harness', kind: thrown.kind, message: thrown.message, stack: stackOf(thrown) };
    if (INCONCLUSIVE.has(thrown.kind)) {
      return { verdict: 'error', layer: thrown.layer, kind: thrown.kind, message: thrown.message };
    }
    return { verdict: 'fail', layer: thrown.layer, kind: thrown.kind, message: thrown.message };
  }
  const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  return { verdict: 'error', layer: 'harness', message: `harness error: ${message}`, stack: stackOf(thrown) };
}
