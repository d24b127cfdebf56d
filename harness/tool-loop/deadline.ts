import { VerifyError, isVerifyError } from '../contract/verify-error.ts';

export interface Deadline {
  /** Aborted when the deadline passes or the outer signal aborts. */
  readonly signal: AbortSignal;
  readonly expired: () => boolean;
  /** Throws the timeout error when the deadline has passed (or the outer signal's reason). */
  throwIfDone(): void;
  /** Races a promise against the signal, so a callee that ignores the signal cannot outlive it. */
  race<T>(promise: Promise<T>): Promise<T>;
  /** Maps what was thrown after the deadline fired to the timeout error; anything else unchanged. */
  translate(error: unknown): unknown;
  dispose(): void;
}

/** A wall-clock budget for a multi-request operation, combined with an optional outer signal. */
export function createDeadline(deadlineMs: number, what: string, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new Error(`${what}: deadline of ${deadlineMs} ms passed`));
  }, deadlineMs);
  const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
  const timeoutError = (cause?: unknown) =>
    new VerifyError({ kind: 'timeout', layer: 'transport', message: `${what}: deadline of ${deadlineMs} ms passed`, cause });
  const outerError = () =>
    isVerifyError(outer?.reason)
      ? outer.reason
      : new VerifyError({ kind: 'aborted', layer: 'transport', message: `${what}: aborted by the caller`, cause: outer?.reason });
  const abortError = () => (expired ? timeoutError() : outerError());
  return {
    signal,
    expired: () => expired,
    throwIfDone() {
      if (signal.aborted) throw abortError();
    },
    race<T>(promise: Promise<T>): Promise<T> {
      if (signal.aborted) {
        promise.catch(() => undefined);
        return Promise.reject(abortError());
      }
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(abortError());
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then(
          (value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
          },
        );
      });
    },
    translate(error) {
      if (expired && !(isVerifyError(error) && error.kind === 'timeout')) return timeoutError(error);
      return error;
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}
