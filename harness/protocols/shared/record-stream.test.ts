import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../contract/stream.ts';
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

  it('normalizes the recorded events', async () => {
    const transcript = createTranscript();
    const events = await drain(normalizeRecorded(from(['a', 'b']), transcript, normalize, (error) => error as Error));
    expect(events).toEqual([{ type: 'text_delta', at: 0, text: 'a' }, { type: 'text_delta', at: 0, text: 'b' }]);
    expect(transcript.entries).toHaveLength(2);
  });

  it('maps an error thrown mid-stream through fail, after recording what came before', async () => {
    const transcript = createTranscript();
    const mapped = new Error('mapped');
    const error = await drain(normalizeRecorded(from(['a'], new Error('socket hang up')), transcript, normalize, () => mapped)).catch((e: unknown) => e);
    expect(error).toBe(mapped);
    expect(transcript.entries).toHaveLength(1);
  });
});
