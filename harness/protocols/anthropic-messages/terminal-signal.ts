import { asObject, asString } from '../shared/raw-event.ts';
import type { TerminalSignal } from '../shared/terminal-signal.ts';

/** A Messages stream ends with a message_delta carrying stop_reason, then message_stop. */
export const TERMINAL_SIGNAL: TerminalSignal = {
  description: 'a message_delta with stop_reason, then message_stop',
  seenIn: (events) => {
    const list = events.map((raw) => asObject(raw) ?? {});
    const stopAt = list.findIndex((event) => event.type === 'message_stop');
    const reasonAt = list.findIndex((event) => event.type === 'message_delta' && asString(asObject(event.delta)?.stop_reason) !== undefined);
    return stopAt >= 0 && reasonAt >= 0 && reasonAt < stopAt;
  },
};
