import type { ChatRequest } from '../contract/chat.ts';
import type { StreamEvent } from '../contract/stream.ts';
import { now } from '../protocols/shared/time.ts';
import type { TestContext } from './define.ts';
import { collectStream, type CollectedStream } from '../tool-loop/collect-stream.ts';

export interface StreamRun extends CollectedStream {
  /** The SDK's raw events recorded in the client's transcript during this stream. */
  rawEvents: unknown[];
  startedAt: number;
}

/**
 * Streams one request to completion, collecting normalized events and the raw events the
 * adapter recorded, and records ttftMs (first text_delta / tool_call_start) for the cell.
 * An `error` event or a missing `done` throws (a VerifyError: the verdict says which layer).
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
  return { ...collected, rawEvents, startedAt };
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
