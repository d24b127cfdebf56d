import type { ChatRequest } from '../contract/chat.ts';
import type { StreamEvent } from '../contract/stream.ts';
import { now } from '../protocols/shared/time.ts';
import type { ProtocolId } from '../contract/protocol-client.ts';
import { terminalSignal } from '../protocols/registry.ts';
import { protocolCheck } from '../verdicts/check-failure.ts';
import type { TestContext } from './define.ts';
import { collectStream, type CollectedStream } from '../tool-loop/collect-stream.ts';

export interface StreamRun extends CollectedStream {
  /** The SDK's raw events recorded in the client's transcript during this stream. */
  rawEvents: unknown[];
  startedAt: number;
}

/**
 * Protocol: the stream ended the way its protocol says a stream ends — the adapter emitted `done`
 * and the raw events it recorded hold the protocol's terminal signal (a finish_reason chunk,
 * message_delta stop_reason + message_stop, response.completed/incomplete/failed, messageStop +
 * metadata, a finishReason, done:true). A stream that merely stopped never passes.
 */
export function checkStreamEnded(protocol: ProtocolId, run: Pick<StreamRun, 'sawDone' | 'rawEvents'>): void {
  const signal = terminalSignal(protocol);
  protocolCheck(run.sawDone, `the stream ended without a done event (expected ${signal.description})`);
  protocolCheck(signal.seenIn(run.rawEvents), `the ${protocol} stream ended without ${signal.description} in its raw events (${run.rawEvents.length} recorded)`);
}

/**
 * Streams one request to completion, collecting normalized events and the raw events the
 * adapter recorded, records ttftMs (first text_delta / tool_call_start) for the cell, and checks
 * that the stream ended the way its protocol says (checkStreamEnded). An `error` event, a reset
 * or a stream without its terminal signal throws (a VerifyError: the verdict says which layer).
 */
export async function streamOnce(context: TestContext, request: ChatRequest, label = 'ttftMs'): Promise<StreamRun> {
  const client = context.target.client;
  const mark = client.transcript.mark();
  const startedAt = now();
  const collected = await collectStream(client.stream(request, { signal: context.signal }), { startedAt });
  const rawEvents = client.transcript
    .since(mark)
    .flatMap((entry) => (entry.kind === 'stream_event' ? [entry.event] : []));
  if (collected.ttftMs !== undefined) context.record(label, Math.round(collected.ttftMs));
  const run = { ...collected, rawEvents, startedAt };
  checkStreamEnded(context.target.protocol, run);
  return run;
}

export const textDeltas = (events: readonly StreamEvent[]) =>
  events.filter((event): event is Extract<StreamEvent, { type: 'text_delta' }> => event.type === 'text_delta');

/** Position and surroundings of the first difference between two texts, for failure messages. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, i - 20), i + 30));
  return `first difference at character ${i}: ${around(a)} vs ${around(b)}`;
}
