import type { StreamEvent } from '../../contract/stream.ts';

/**
 * Invariants of the normalized StreamEvent sequence every adapter must produce: start first,
 * done last (each exactly once), no error events, and per tool call id: start, then deltas,
 * then one end whose name matches and whose argumentsText is the concatenated deltas.
 * round_start / round_end belong to the tool loop and are ignored.
 */
export function checkNormalizedEvents(events: readonly StreamEvent[], options: { framed?: boolean } = {}): string[] {
  const violations: string[] = [];
  const list = events.filter((event) => event.type !== 'round_start' && event.type !== 'round_end');
  if (list.length === 0) return options.framed === false ? [] : ['no events'];
  if (options.framed !== false) {
    if (list[0]?.type !== 'start') violations.push(`first event is ${list[0]?.type}, expected start`);
    if (list.at(-1)?.type !== 'done') violations.push(`last event is ${list.at(-1)?.type}, expected done`);
  }
  const starts = list.filter((event) => event.type === 'start').length;
  const dones = list.filter((event) => event.type === 'done').length;
  if (starts > 1) violations.push(`${starts} start events, expected one`);
  if (dones > 1) violations.push(`${dones} done events, expected one`);
  const calls = new Map<string, { name: string; args: string; deltas: number; ended: boolean }>();
  list.forEach((event, i) => {
    switch (event.type) {
      case 'error':
        violations.push(`event ${i} is an error: ${event.error.message}`);
        break;
      case 'tool_call_start':
        if (event.id.trim() === '') violations.push(`event ${i}: tool_call_start with an empty id`);
        if (calls.has(event.id)) violations.push(`event ${i}: tool call ${event.id} started twice`);
        calls.set(event.id, { name: event.name, args: '', deltas: 0, ended: false });
        break;
      case 'tool_call_delta': {
        const call = calls.get(event.id);
        if (!call) violations.push(`event ${i}: tool_call_delta for ${event.id} before its tool_call_start`);
        else if (call.ended) violations.push(`event ${i}: tool_call_delta for ${event.id} after its tool_call_end`);
        else {
          call.args += event.argumentsDelta;
          call.deltas += 1;
        }
        break;
      }
      case 'tool_call_end': {
        const call = calls.get(event.id);
        if (!call) {
          violations.push(`event ${i}: tool_call_end for ${event.id} without a tool_call_start`);
          break;
        }
        if (call.ended) violations.push(`event ${i}: tool call ${event.id} ended twice`);
        call.ended = true;
        if (call.name !== '' && call.name !== event.name) violations.push(`event ${i}: tool call ${event.id} started as ${call.name} but ended as ${event.name}`);
        if (event.name.trim() === '') violations.push(`event ${i}: tool call ${event.id} ends without a name`);
        if (call.deltas > 0 && call.args !== event.argumentsText) {
          violations.push(`event ${i}: tool call ${event.id} deltas concatenate to ${JSON.stringify(call.args)} but end says ${JSON.stringify(event.argumentsText)}`);
        }
        break;
      }
      default:
        break;
    }
  });
  for (const [id, call] of calls) if (!call.ended) violations.push(`tool call ${id} never ended`);
  return violations;
}
