import type { StreamEvent } from '../../contract/stream.ts';
import type { Transcript } from '../../contract/transcript.ts';
import { now } from './time.ts';

/** Passes the SDK's raw stream events through unchanged, recording each in the transcript first. */
export async function* recordStreamEvents<T>(events: AsyncIterable<T>, transcript: Transcript): AsyncGenerator<T> {
  for await (const event of events) {
    transcript.record({ kind: 'stream_event', at: now(), event });
    yield event;
  }
}

/**
 * An adapter's stream() body once the SDK call has answered: records every raw event, normalizes
 * them, and maps whatever the SDK or the normalizer throws mid-stream through `fail`.
 */
export async function* normalizeRecorded<T>(
  events: AsyncIterable<T>,
  transcript: Transcript,
  normalize: (recorded: AsyncIterable<T>) => AsyncIterable<StreamEvent>,
  fail: (error: unknown) => Error,
): AsyncGenerator<StreamEvent> {
  try {
    yield* normalize(recordStreamEvents(events, transcript));
  } catch (error) {
    throw fail(error);
  }
}
