import { harnessBug, type VerifyError } from '../../contract/verify-error.ts';

/**
 * The boundary between an SDK call and our own code. Only what the SDK call itself throws is
 * mapped as the endpoint's error (`sdkCall`); request mapping runs before it and response mapping
 * after it, each in `ownCode`, so a bug in them is labelled harness.
 */

/** Runs one SDK call; what it throws is mapped by `fail` (HTTP status, network, unparsable bytes). */
export async function sdkCall<T>(where: string, fail: (error: unknown, where: string) => VerifyError, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw fail(error, where);
  }
}

/**
 * Runs a step of our own code (request or response mapping) OUTSIDE any SDK call's try block:
 * a VerifyError it throws on purpose (a protocol violation it found, a field the protocol cannot
 * carry) passes through; anything else is our bug, labelled harness with the original as cause.
 */
export function ownCode<T>(where: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw harnessBug(where, error);
  }
}
