import { asObject } from '../shared/raw-event.ts';
import type { TerminalSignal } from '../shared/terminal-signal.ts';

/**
 * No wire: a generation ends when node-llama-cpp resolves generateResponse with a stop reason; the
 * adapter records its `done` event (with that raw reason) only then.
 */
export const TERMINAL_SIGNAL: TerminalSignal = {
  description: 'a generation result with a stop reason',
  seenIn: (events) => events.some((raw) => asObject(raw)?.type === 'done' && typeof asObject(raw)?.rawFinishReason === 'string'),
};
