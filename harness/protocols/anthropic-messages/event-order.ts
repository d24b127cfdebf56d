import { asObject, asNumber, asString, type EventOrderChecker } from '../shared/raw-event.ts';

/** Which delta types a content block of a given type may receive. */
const DELTAS_FOR_BLOCK: Record<string, readonly string[]> = {
  text: ['text_delta', 'citations_delta'],
  tool_use: ['input_json_delta'],
  server_tool_use: ['input_json_delta'],
  thinking: ['thinking_delta', 'signature_delta'],
};

/**
 * Anthropic Messages stream:
 *   message_start → (content_block_start → content_block_delta* → content_block_stop)+ →
 *   message_delta+ → message_stop
 * `ping` may appear anywhere and is ignored. Blocks are sequential with indices 0, 1, 2, …;
 * deltas and stop carry the open block's index; a delta's type fits its block's type; the
 * (last) message_delta carries delta.stop_reason; an `error` event is a violation.
 */
export const checkAnthropicMessagesEventOrder: EventOrderChecker = (events) => {
  const violations: string[] = [];
  type State = 'before' | 'between' | 'in_block' | 'after_delta' | 'stopped';
  let state = 'before' as State;
  let nextIndex = 0;
  let blockType = '';
  let blocks = 0;
  let stopReason: string | undefined;
  const list = events.map((raw) => asObject(raw) ?? {}).filter((event) => event.type !== 'ping');
  if (list.length === 0) return ['no events were streamed'];
  list.forEach((event, i) => {
    const type = asString(event.type) ?? '(no type)';
    const index = asNumber(event.index);
    const unexpected = () => violations.push(`event ${i}: ${type} is not allowed here (state ${state})`);
    if (state === 'stopped') {
      violations.push(`event ${i}: ${type} after message_stop`);
      return;
    }
    switch (type) {
      case 'message_start':
        if (state !== 'before') unexpected();
        state = 'between';
        break;
      case 'content_block_start':
        if (state !== 'between') unexpected();
        if (index !== nextIndex) violations.push(`event ${i}: content_block_start index ${String(index)}, expected ${nextIndex}`);
        blockType = asString(asObject(event.content_block)?.type) ?? '';
        blocks += 1;
        state = 'in_block';
        break;
      case 'content_block_delta': {
        if (state !== 'in_block') unexpected();
        if (index !== nextIndex) violations.push(`event ${i}: content_block_delta index ${String(index)}, expected the open block ${nextIndex}`);
        const deltaType = asString(asObject(event.delta)?.type) ?? '';
        const allowed = DELTAS_FOR_BLOCK[blockType];
        if (allowed && !allowed.includes(deltaType)) violations.push(`event ${i}: ${deltaType} in a ${blockType} block`);
        break;
      }
      case 'content_block_stop':
        if (state !== 'in_block') unexpected();
        if (index !== nextIndex) violations.push(`event ${i}: content_block_stop index ${String(index)}, expected ${nextIndex}`);
        nextIndex += 1;
        state = 'between';
        break;
      case 'message_delta':
        if (state !== 'between' && state !== 'after_delta') unexpected();
        stopReason = asString(asObject(event.delta)?.stop_reason) ?? stopReason;
        state = 'after_delta';
        break;
      case 'message_stop':
        if (state !== 'after_delta') unexpected();
        state = 'stopped';
        break;
      case 'error':
        violations.push(`event ${i} is an error event: ${asString(asObject(event.error)?.message) ?? ''}`);
        break;
      default:
        break;
    }
  });
  if (list[0]?.type !== 'message_start') violations.push(`first event is ${String(list[0]?.type)}, expected message_start`);
  if (blocks === 0) violations.push('no content block was streamed');
  if (state !== 'stopped') violations.push(`the stream ended before message_stop (state ${state})`);
  if (state === 'stopped' && stopReason === undefined) violations.push('no message_delta carried a stop_reason');
  return violations;
};
