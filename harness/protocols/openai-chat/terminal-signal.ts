import { asArray, asObject, isPresent } from '../shared/raw-event.ts';
import type { TerminalSignal } from '../shared/terminal-signal.ts';

/** A Chat Completions stream ends with a choice chunk carrying finish_reason ([DONE] is swallowed by the SDK). */
export const TERMINAL_SIGNAL: TerminalSignal = {
  description: 'a chunk with a finish_reason',
  seenIn: (events) => events.some((raw) => (asArray(asObject(raw)?.choices) ?? []).some((choice) => isPresent(asObject(choice)?.finish_reason))),
};
