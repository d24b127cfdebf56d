import { VerifyError, type ErrorKind, type FailureLayer } from '../contract/verify-error.ts';
import { CheckFailure, VerdictSignal } from './check-failure.ts';
import type { Verdict } from './verdict.ts';

export interface Classified {
  verdict: Verdict;
  layer?: FailureLayer;
  kind?: ErrorKind;
  message?: string;
}

/** Kinds where the harness could not reach a verdict about the endpoint. */
const INCONCLUSIVE: ReadonlySet<ErrorKind> = new Set(['timeout', 'rate_limit', 'aborted']);

/** Maps what a test body threw (or undefined for success) to a verdict. */
export function classifyOutcome(thrown: unknown): Classified {
  if (thrown === undefined) return { verdict: 'pass' };
  if (thrown instanceof VerdictSignal) return { verdict: thrown.verdict, message: thrown.message };
  if (thrown instanceof CheckFailure) return { verdict: 'fail', layer: thrown.layer, message: thrown.message };
  if (thrown instanceof VerifyError) {
    if (INCONCLUSIVE.has(thrown.kind)) {
      return { verdict: 'error', layer: thrown.layer, kind: thrown.kind, message: thrown.message };
    }
    return { verdict: 'fail', layer: thrown.layer, kind: thrown.kind, message: thrown.message };
  }
  const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  return { verdict: 'error', layer: 'infra', message: `harness error: ${message}` };
}
