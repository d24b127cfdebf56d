import { asObject } from '../shared/raw-event.ts';
import type { TerminalSignal } from '../shared/terminal-signal.ts';

const TERMINAL_TYPES = new Set(['response.completed', 'response.incomplete', 'response.failed']);

/** A Responses stream ends with response.completed, response.incomplete or response.failed. */
export const TERMINAL_SIGNAL: TerminalSignal = {
  description: 'response.completed, response.incomplete or response.failed',
  seenIn: (events) => events.some((raw) => TERMINAL_TYPES.has(String(asObject(raw)?.type))),
};
