import { isVerifyError } from '../../harness/contract/verify-error.ts';
import { now } from '../../harness/suite/timing.ts';
import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { modelCheck, protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { buildRequest } from '../../harness/suite/request.ts';

const ABORT_BUDGET_MS = 2000;
const TIMED_OUT = Symbol('timed out');

function timer(ms: number): { promise: Promise<typeof TIMED_OUT>; cancel(): void } {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<typeof TIMED_OUT>((resolve) => {
    handle = setTimeout(() => resolve(TIMED_OUT), Math.max(0, ms));
  });
  return { promise, cancel: () => clearTimeout(handle) };
}

export const abortTest: VerifyTestDefinition = {
  id: 'stream_abort',
  description: 'Aborting after the first text delta ends the iterator (aborted error or return) within 2 s',
  requires: ['streaming'],
  tags: ['streaming', 'abort'],
  assertion: 'protocol',
  async run(context) {
    const controller = new AbortController();
    const signal = AbortSignal.any([controller.signal, context.signal]);
    const request = buildRequest(context, 'Count from 1 to 200, separated by commas.', { maxTokens: 512 });
    const startedAt = now();
    const iterator = context.target.client.stream(request, { signal })[Symbol.asyncIterator]();
    for (;;) {
      const step = await iterator.next();
      modelCheck(!step.done, 'the stream ended before any text delta arrived, so there was nothing to abort');
      if (step.value.type === 'text_delta') {
        context.record('ttftMs', Math.round(step.value.at - startedAt));
        break;
      }
    }
    const abortedAt = now();
    controller.abort();
    let outcome: 'aborted' | 'returned' | 'hung' | 'other' = 'hung';
    let other = '';
    let eventsAfterAbort = 0;
    let textAfterAbort = 0;
    let finishAfterAbort: string | undefined;
    try {
      for (;;) {
        const wait = timer(abortedAt + ABORT_BUDGET_MS - now());
        const step = await Promise.race([iterator.next(), wait.promise]);
        wait.cancel();
        if (step === TIMED_OUT) break;
        if (step.done) {
          outcome = 'returned';
          break;
        }
        eventsAfterAbort += 1;
        if (step.value.type === 'text_delta') textAfterAbort += 1;
        if (step.value.type === 'done') finishAfterAbort = step.value.rawFinishReason ?? `(normalized ${step.value.finishReason})`;
      }
    } catch (error) {
      outcome = isVerifyError(error) && error.kind === 'aborted' ? 'aborted' : 'other';
      other = isVerifyError(error) ? `${error.kind}/${error.layer}: ${error.message}` : String(error);
    }
    const latency = now() - abortedAt;
    if (outcome === 'hung') void iterator.return?.(undefined)?.catch(() => undefined);
    context.record('abortLatencyMs', Math.round(latency));
    context.record('abortOutcome', outcome);
    context.record('eventsAfterAbort', eventsAfterAbort);
    context.record('textDeltasAfterAbort', textAfterAbort);
    // A `done` after the abort makes an aborted stream look finished; recorded for the adapter's authors.
    if (finishAfterAbort !== undefined) context.record('doneAfterAbort', finishAfterAbort);
    protocolCheck(outcome !== 'hung', `the stream did not end within ${ABORT_BUDGET_MS} ms of the abort (${eventsAfterAbort} events after it)`);
    protocolCheck(outcome !== 'other', `the abort surfaced as an error of another kind: ${other}`);
    protocolCheck(latency <= ABORT_BUDGET_MS, `the stream ended ${Math.round(latency)} ms after the abort, more than ${ABORT_BUDGET_MS} ms`);
  },
};
