import type { ProtocolId } from '../contract/protocol-client.ts';
import { eventOrderChecker } from '../protocols/registry.ts';
import { asObject, asString, type EventOrderOptions } from '../protocols/shared/raw-event.ts';

export { checkNormalizedEvents } from '../protocols/shared/normalized-event-order.ts';

/** The violations of the protocol's raw event order in one complete stream's raw SDK events (empty when right). */
export function checkRawEventOrder(protocol: ProtocolId, rawEvents: readonly unknown[], options?: EventOrderOptions): string[] {
  return eventOrderChecker(protocol)(rawEvents, options);
}

/** A short label per raw event for the record: its type, or its single key (Bedrock), or "chunk". */
export function rawEventLabel(raw: unknown): string {
  const event = asObject(raw);
  if (!event) return typeof raw;
  return asString(event.type) ?? asString(event.object) ?? Object.keys(event)[0] ?? 'chunk';
}
