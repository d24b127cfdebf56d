import { VerifyError } from '../../contract/verify-error.ts';

/**
 * A stream that ended without its protocol's terminal signal (a finish_reason chunk,
 * message_stop, response.completed, messageStop + metadata, finishReason, done:true): the
 * protocol's contract is broken, so normalizers throw this instead of emitting `done`.
 */
export function streamEndedWithout(protocol: string, terminalSignal: string): VerifyError {
  return new VerifyError({ kind: 'incomplete_stream', layer: 'protocol', message: `${protocol} stream ended without ${terminalSignal}` });
}
