import type { Transcript, TranscriptEntry } from '../../contract/transcript.ts';

/** An in-memory transcript, bounded so a long run cannot grow it without limit. */
export function createTranscript(maxEntries = 2000): Transcript {
  let entries: TranscriptEntry[] = [];
  let dropped = 0;
  return {
    get entries() {
      return entries;
    },
    record(entry) {
      entries.push(entry);
      if (entries.length > maxEntries) {
        entries = entries.slice(entries.length - maxEntries);
        dropped += 1;
      }
    },
    mark() {
      return entries.length + dropped;
    },
    since(mark) {
      return entries.slice(Math.max(0, mark - dropped));
    },
    clear() {
      dropped += entries.length;
      entries = [];
    },
  };
}
