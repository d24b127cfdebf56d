import type { StreamEvent } from '../../contract/stream.ts';
import type { Transcript } from '../../contract/transcript.ts';
import { harnessBug, type VerifyError } from '../../contract/verify-error.ts';
import { abortedError } from './sdk-client.ts';
import { now } from './time.ts';

/** Passes the SDK's raw stream events through unchanged, recording each in the transcript first. */
export async function* recordStreamEvents<T>(events: AsyncIterable<T>, transcript: Transcript): AsyncGenerator<T> {
  for await (const event of events) {
    transcript.record({ kind: 'stream_event', at: now(), event });
    yield event;
  }
}

/** Marks an error as thrown by the SDK's iterator (already mapped), not by our normalizer. */
async function* fromSdk<T>(events: AsyncIterable<T>, transcript: Transcript, fail: (error: unknown) => VerifyError): AsyncGenerator<T> {
  try {
    yield* recordStreamEvents(events, transcript);
  } catch (error) {
    throw fail(error);
  }
}

export interface NormalizeRecordedOptions {
  /** Maps what the SDK's iterator threw (HTTP, network, unparsable bytes) to a VerifyError. */
  fail(error: unknown): VerifyError;
  /** Names the stream in messages ("openai-chat POST /chat/completions (stream)"). */
  where: string;
  /** The caller's signal: once it fired, however the stream ended, the outcome is `aborted`. */
  signal?: AbortSignal;
}

/**
 * An adapter's stream() body once the SDK call has answered: records every raw event and
 * normalizes them. What the SDK's iterator throws is mapped through `fail`; a VerifyError the
 * normalizer throws on purpose (e.g. the stream ended without its terminal signal) passes
 * through; anything else the normalizer throws is our bug (layer harness). After the caller
 * aborted, the outcome is `aborted` (some SDKs end an aborted stream silently).
 */
export async function* normalizeRecorded<T>(
  events: AsyncIterable<T>,
  transcript: Transcript,
  normalize: (recorded: AsyncIterable<T>) => AsyncIterable<StreamEvent>,
  options: NormalizeRecordedOptions,
): AsyncGenerator<StreamEvent> {
  try {
    yield* normalize(fromSdk(events, transcript, options.fail));
  } catch (error) {
    if (options.signal?.aborted) {
      throw abortedError(options.where, error);
    }
    throw harnessBug(`${options.where} normalization`, error);
  }
}
