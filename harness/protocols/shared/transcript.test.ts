import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../../contract/transcript.ts';
import { createTranscript } from './transcript.ts';

const event = (n: number): TranscriptEntry => ({ kind: 'stream_event', at: n, event: n });
const ids = (entries: readonly TranscriptEntry[]) => entries.map((entry) => (entry.kind === 'stream_event' ? entry.event : entry.kind));

describe('createTranscript', () => {
  it('records entries in order and returns those since a mark', () => {
    const transcript = createTranscript();
    transcript.record(event(1));
    const mark = transcript.mark();
    transcript.record(event(2));
    transcript.record(event(3));
    expect(mark).toBe(1);
    expect(ids(transcript.entries)).toEqual([1, 2, 3]);
    expect(ids(transcript.since(mark))).toEqual([2, 3]);
    expect(ids(transcript.since(transcript.mark()))).toEqual([]);
  });

  it('is bounded: keeps the newest maxEntries', () => {
    const transcript = createTranscript(3);
    for (let n = 1; n <= 7; n += 1) transcript.record(event(n));
    expect(ids(transcript.entries)).toEqual([5, 6, 7]);
    expect(transcript.mark()).toBe(7);
  });

  it('mark/since stay correct across drops', () => {
    const transcript = createTranscript(3);
    transcript.record(event(1));
    transcript.record(event(2));
    const mark = transcript.mark();
    transcript.record(event(3));
    transcript.record(event(4));
    transcript.record(event(5)); // 1 and 2 dropped
    expect(ids(transcript.since(mark))).toEqual([3, 4, 5]);
    const later = transcript.mark();
    transcript.record(event(6)); // 3 dropped
    expect(ids(transcript.since(later))).toEqual([6]);
    // A mark older than what is kept returns everything still kept.
    expect(ids(transcript.since(0))).toEqual([4, 5, 6]);
  });

  it('clear empties it and keeps marks monotonic', () => {
    const transcript = createTranscript();
    transcript.record(event(1));
    transcript.record(event(2));
    const before = transcript.mark();
    transcript.clear();
    expect(transcript.entries).toEqual([]);
    expect(transcript.mark()).toBe(2);
    transcript.record(event(3));
    expect(ids(transcript.since(before))).toEqual([3]);
    expect(ids(transcript.since(0))).toEqual([3]);
  });
});
