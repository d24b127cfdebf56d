import type { StreamEvent } from '../../contract/stream.ts';
import { checkNormalizedEvents } from '../shared/normalized-event-order.ts';
import { asObject, type EventOrderChecker } from '../shared/raw-event.ts';

/**
 * The embedded protocol (node-llama-cpp, no wire) records normalized events as its raw events,
 * so only the normalized invariants apply. Its transcript holds the generated events (text,
 * tool calls) but not necessarily start/done, so framing is checked only when they were recorded.
 */
export const checkEmbeddedEventOrder: EventOrderChecker = (events) => {
  const typed = events.filter((event): event is StreamEvent => typeof asObject(event)?.type === 'string');
  if (typed.length !== events.length) return [`${events.length - typed.length} recorded event(s) are not normalized events`];
  const framed = typed.some((event) => event.type === 'start' || event.type === 'done');
  return checkNormalizedEvents(typed, { framed });
};
