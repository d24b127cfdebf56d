import { AsyncLocalStorage } from 'node:async_hooks';
import type { RetryRecord } from '../../contract/retry.ts';

export type { RetryRecord };

/** The retries of one cell, filled by the harness's fetch while the cell's body runs. */
export interface AttemptLog {
  retries: RetryRecord[];
  /** Time spent waiting for a rate limiter slot before requests were sent. */
  rateLimitedMs: number;
}

const storage = new AsyncLocalStorage<AttemptLog>();

export function newAttemptLog(): AttemptLog {
  return { retries: [], rateLimitedMs: 0 };
}

/** Runs `body` with `log` as the attempt log every harness fetch inside it writes to. */
export function withAttemptLog<T>(log: AttemptLog, body: () => Promise<T>): Promise<T> {
  return storage.run(log, body);
}

/** The attempt log of the cell whose code is running, if any (requests outside cells have none). */
export function currentAttemptLog(): AttemptLog | undefined {
  return storage.getStore();
}
