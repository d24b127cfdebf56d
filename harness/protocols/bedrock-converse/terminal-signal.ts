import { asObject } from '../shared/raw-event.ts';
import type { TerminalSignal } from '../shared/terminal-signal.ts';

/** A ConverseStream ends with messageStop, then metadata (usage and metrics). */
export const TERMINAL_SIGNAL: TerminalSignal = {
  description: 'messageStop followed by metadata',
  seenIn: (events) => {
    const members = events.map((raw) => asObject(raw) ?? {});
    const stopAt = members.findIndex((event) => event.messageStop !== undefined);
    return stopAt >= 0 && members.slice(stopAt + 1).some((event) => event.metadata !== undefined);
  },
};
