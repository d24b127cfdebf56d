import type { ErrorKind } from '../contract/verify-error.ts';
import type { CellResult } from '../verdicts/verdict.ts';

/** Outcomes that say the endpoint cannot be reached or does not answer (not what it answered). */
function isTransportFailure(result: Pick<CellResult, 'verdict' | 'kind'>): boolean {
  return (result.verdict === 'error' || result.verdict === 'fail') && (result.kind === 'timeout' || result.kind === 'network');
}

export interface CircuitState {
  open: boolean;
  /** "circuit open after 2 failures: test deadline of 4000 ms passed" */
  reason: string;
  /** Kind of the last failure (timeout, network). */
  kind?: ErrorKind;
}

/**
 * One per target: after `threshold` consecutive transport or timeout failures the circuit opens
 * and the target's remaining cells are not run (error [infra] "circuit open after K failures: …"),
 * so a hung endpoint costs about K timeouts, not one per cell. Any other outcome closes the count.
 * threshold 0 disables it.
 */
export class CircuitBreaker {
  private consecutive = 0;
  private last: Pick<CellResult, 'message' | 'kind'> | undefined;
  private readonly threshold: number;

  constructor(threshold: number) {
    this.threshold = threshold;
  }

  record(result: Pick<CellResult, 'verdict' | 'kind' | 'message'>): void {
    if (isTransportFailure(result)) {
      this.consecutive += 1;
      this.last = result;
    } else {
      this.consecutive = 0;
    }
  }

  state(): CircuitState {
    const open = this.threshold > 0 && this.consecutive >= this.threshold;
    const reason = `circuit open after ${this.consecutive} failure${this.consecutive === 1 ? '' : 's'}: ${this.last?.message?.split('\n')[0] ?? 'unknown'}`;
    return { open, reason, kind: this.last?.kind };
  }
}
