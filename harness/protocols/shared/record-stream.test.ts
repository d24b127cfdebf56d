import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { normalizeRecorded, recordStreamEvents } from './record-stream.ts';
import { createTranscript } from './transcript.ts';

async function* from<T>(items: T[], failAfter?: Error): AsyncGenerator<T> {
  for (const item of items) yield item;
  if (failAfter) throw failAfter;
}

const drain = async <T>(events: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const event of events) out.push(event);
  return out;
};

describe('recordStreamEvents', () => {
  it('yields every raw event unchanged and records each as a stream_event, in order', async () => {
    const transcript = createTranscript();
    const raw = [{ n: 1 }, { n: 2 }, { n: 3 }];
    expect(await drain(recordStreamEvents(from(raw), transcript))).toEqual(raw);
    expect(transcript.entries.map((entry) => entry.kind)).toEqual(['stream_event', 'stream_event', 'stream_event']);
    expect(transcript.entries.flatMap((entry) => (entry.kind === 'stream_event' ? [entry.event] : []))).toEqual(raw);
  });
});

describe('normalizeRecorded', () => {
  const normalize = async function* (chunks: AsyncIterable<string>): AsyncGenerator<StreamEvent> {
    for await (const text of chunks) yield { type: 'text_delta', at: 0, text };
  };

  const where = 'p stream';
  const fail = (error: unknown) => new VerifyError({ kind: 'network', layer: 'transport', message: `mapped: ${String(error)}` });

  it('normalizes the recorded events', async () => {
    const transcript = createTranscript();
    const events = await drain(normalizeRecorded(from(['a', 'b']), transcript, normalize, { fail, where }));
    expect(events).toEqual([{ type: 'text_delta', at: 0, text: 'a' }, { type: 'text_delta', at: 0, text: 'b' }]);
    expect(transcript.entries).toHaveLength(2);
  });

  it('maps an error the SDK iterator throws mid-stream through fail, after recording what came before', async () => {
    const transcript = createTranscript();
    const error = await drain(normalizeRecorded(from(['a'], new Error('socket hang up')), transcript, normalize, { fail, where })).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network', layer: 'transport', message: 'mapped: Error: socket hang up' });
    expect(transcript.entries).toHaveLength(1);
  });

  it('a TypeError in our normalizer is a harness bug, never passed to the SDK mapper', async () => {
    const broken = async function* (chunks: AsyncIterable<string>): AsyncGenerator<StreamEvent> {
      for await (const text of chunks) yield { type: 'text_delta', at: 0, text: (undefined as unknown as { x: string }).x + text };
    };
    const error = await drain(normalizeRecorded(from(['a']), createTranscript(), broken, { fail, where })).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'harness_bug', layer: 'harness' });
    expect((error as Error).message).toMatch(/^p stream normalization: harness bug: TypeError/);
  });

  it('a VerifyError the normalizer throws on purpose passes through', async () => {
    const strict = async function* (chunks: AsyncIterable<string>): AsyncGenerator<StreamEvent> {
      for await (const text of chunks) yield { type: 'text_delta', at: 0, text };
      throw new VerifyError({ kind: 'incomplete_stream', layer: 'protocol', message: 'no terminal' });
    };
    await expect(drain(normalizeRecorded(from(['a']), createTranscript(), strict, { fail, where }))).rejects.toMatchObject({ kind: 'incomplete_stream', layer: 'protocol' });
  });

  it('after the caller aborted, however the stream ended, the outcome is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const strict = async function* (chunks: AsyncIterable<string>): AsyncGenerator<StreamEvent> {
      for await (const text of chunks) yield { type: 'text_delta', at: 0, text };
      throw new VerifyError({ kind: 'incomplete_stream', layer: 'protocol', message: 'no terminal' });
    };
    await expect(drain(normalizeRecorded(from(['a']), createTranscript(), strict, { fail, where, signal: controller.signal }))).rejects.toMatchObject({ kind: 'aborted', layer: 'transport' });
  });
});
