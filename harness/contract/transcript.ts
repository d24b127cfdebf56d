/**
 * A redacted record of what crossed the wire for one client: requests, responses and the SDK's
 * raw stream events. Tests read it (e.g. to check raw event order); reports may store it.
 * Credentials are removed before an entry is recorded.
 */
export type TranscriptEntry =
  | { kind: 'request'; at: number; method: string; url: string; headers: Record<string, string>; body?: unknown }
  | { kind: 'response'; at: number; status: number; url: string; headers: Record<string, string>; body?: unknown }
  /** One raw event exactly as the SDK yielded it (before normalization). */
  | { kind: 'stream_event'; at: number; event: unknown };

export interface Transcript {
  readonly entries: readonly TranscriptEntry[];
  record(entry: TranscriptEntry): void;
  /** Entries recorded since `mark` (a value returned by `mark()`). */
  since(mark: number): readonly TranscriptEntry[];
  mark(): number;
  clear(): void;
}
