import { asArray, asObject, asString } from '../shared/raw-event.ts';
import type { TerminalSignal } from '../shared/terminal-signal.ts';

/** A generateContentStream ends with a candidate carrying finishReason (or a prompt blocked before any candidate). */
export const TERMINAL_SIGNAL: TerminalSignal = {
  description: 'a candidate with finishReason',
  seenIn: (events) =>
    events.some((raw) => {
      const chunk = asObject(raw) ?? {};
      const candidate = asObject(asArray(chunk.candidates)?.[0]);
      return asString(candidate?.finishReason) !== undefined || (candidate === undefined && asString(asObject(chunk.promptFeedback)?.blockReason) !== undefined);
    }),
};
