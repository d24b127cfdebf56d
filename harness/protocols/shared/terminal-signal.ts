/**
 * How a protocol says a stream has ended (its terminal signal), read from the raw SDK events the
 * adapter recorded. Normalizers emit `done` only after it; the suite kit checks it again on the
 * raw events, so a stream that merely stopped (cleanly cut, reset, truncated) never passes.
 */
export interface TerminalSignal {
  /** In words, for messages: "a chunk with a finish_reason", "message_stop", ... */
  readonly description: string;
  /** Whether one complete stream's raw events contain it. */
  seenIn(events: readonly unknown[]): boolean;
}
