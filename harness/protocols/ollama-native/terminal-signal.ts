import { asObject } from '../shared/raw-event.ts';
import type { TerminalSignal } from '../shared/terminal-signal.ts';

/** An /api/chat NDJSON stream ends with a chunk whose done is true. */
export const TERMINAL_SIGNAL: TerminalSignal = {
  description: 'a chunk with done: true',
  seenIn: (events) => events.some((raw) => asObject(raw)?.done === true),
};
