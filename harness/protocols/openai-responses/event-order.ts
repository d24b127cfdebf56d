import { asObject, asNumber, asString, type EventOrderChecker } from '../shared/raw-event.ts';

const TERMINAL = new Set(['response.completed', 'response.incomplete', 'response.failed']);

/**
 * OpenAI Responses stream:
 * - the first event is response.created; exactly one terminal event (response.completed,
 *   .incomplete or .failed) and it is the last; no `error` events;
 * - sequence_number, when present, strictly increases;
 * - output_item.added precedes output_item.done for the same item, once each, and every item
 *   added is done before response.completed;
 * - content_part.added / .done pair up inside their item;
 * - output_text.delta / .done and function_call_arguments.delta / .done come between their
 *   item's output_item.added and output_item.done (and inside an open content part for text).
 */
export const checkOpenAIResponsesEventOrder: EventOrderChecker = (events) => {
  const violations: string[] = [];
  if (events.length === 0) return ['no events were streamed'];
  const typeOf = (raw: unknown) => asString(asObject(raw)?.type) ?? '(no type)';
  if (typeOf(events[0]) !== 'response.created') violations.push(`first event is ${typeOf(events[0])}, expected response.created`);
  const terminals = events.map(typeOf).flatMap((type, i) => (TERMINAL.has(type) ? [i] : []));
  if (terminals.length === 0) violations.push('no terminal event (response.completed / incomplete / failed)');
  if (terminals.length > 1) violations.push(`${terminals.length} terminal events, expected one`);
  if (terminals.length > 0 && terminals.at(-1) !== events.length - 1) violations.push(`events follow the terminal event at ${terminals[0]}`);

  const openItems = new Set<string>();
  const doneItems = new Set<string>();
  const openParts = new Set<string>();
  let lastSequence = -Infinity;
  events.forEach((raw, i) => {
    const event = asObject(raw) ?? {};
    const type = typeOf(raw);
    const sequence = asNumber(event.sequence_number);
    if (sequence !== undefined) {
      if (sequence <= lastSequence) violations.push(`event ${i} (${type}): sequence_number ${sequence} does not increase (previous ${lastSequence})`);
      lastSequence = sequence;
    }
    const itemId = asString(event.item_id) ?? asString(asObject(event.item)?.id) ?? '';
    const part = `${itemId}#${String(event.content_index)}`;
    const requireOpenItem = () => {
      if (!openItems.has(itemId)) violations.push(`event ${i} (${type}) for item ${itemId} outside output_item.added … output_item.done`);
    };
    switch (type) {
      case 'error':
        violations.push(`event ${i} is an error event: ${asString(event.message) ?? ''}`);
        break;
      case 'response.output_item.added':
        if (openItems.has(itemId) || doneItems.has(itemId)) violations.push(`event ${i}: item ${itemId} added twice`);
        openItems.add(itemId);
        break;
      case 'response.output_item.done':
        if (!openItems.has(itemId)) violations.push(`event ${i}: output_item.done for item ${itemId} that was not added (or already done)`);
        for (const open of openParts) if (open.startsWith(`${itemId}#`)) violations.push(`event ${i}: item ${itemId} done while content part ${open} is open`);
        openItems.delete(itemId);
        doneItems.add(itemId);
        break;
      case 'response.content_part.added':
        requireOpenItem();
        if (openParts.has(part)) violations.push(`event ${i}: content part ${part} added twice`);
        openParts.add(part);
        break;
      case 'response.content_part.done':
        requireOpenItem();
        if (!openParts.has(part)) violations.push(`event ${i}: content_part.done for ${part} that is not open`);
        openParts.delete(part);
        break;
      case 'response.output_text.delta':
      case 'response.output_text.done':
        requireOpenItem();
        if (openItems.has(itemId) && !openParts.has(part)) violations.push(`event ${i} (${type}) outside content part ${part}`);
        break;
      case 'response.function_call_arguments.delta':
      case 'response.function_call_arguments.done':
        requireOpenItem();
        break;
      case 'response.completed':
        for (const open of openItems) violations.push(`response.completed while item ${open} is not done`);
        break;
      default:
        break;
    }
  });
  return violations;
};
