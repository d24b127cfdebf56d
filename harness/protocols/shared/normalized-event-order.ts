import type { StreamEvent } from '../../contract/stream.ts';

/**
 * Invariants of the normalized StreamEvent sequence every adapter must produce: start first,
 * done last (each exactly once), no error events, and per tool call (keyed by its stream index):
 * start with an id (adapters synthesize one only where the protocol has none), then deltas, then
 * one end with the same id, a matching name and argumentsText equal to the concatenated deltas.
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
  const calls = new Map<number, { id?: string; name: string; args: string; deltas: number; ended: boolean }>();
  const label = (index: number, id: string | undefined) => `tool call ${index}${id === undefined ? '' : ` (${id})`}`;
  list.forEach((event, i) => {
    switch (event.type) {
      case 'error':
        violations.push(`event ${i} is an error: ${event.error.message}`);
        break;
      case 'tool_call_start':
        if (event.id === undefined || event.id.trim() === '') violations.push(`event ${i}: ${label(event.index, undefined)} starts without an id`);
        if (calls.has(event.index)) violations.push(`event ${i}: ${label(event.index, event.id)} started twice`);
        calls.set(event.index, { id: event.id, name: event.name, args: '', deltas: 0, ended: false });
        break;
      case 'tool_call_delta': {
        const call = calls.get(event.index);
        if (!call) violations.push(`event ${i}: tool_call_delta for ${label(event.index, event.id)} before its tool_call_start`);
        else if (call.ended) violations.push(`event ${i}: tool_call_delta for ${label(event.index, event.id)} after its tool_call_end`);
        else {
          call.args += event.argumentsDelta;
          call.deltas += 1;
        }
        break;
      }
      case 'tool_call_end': {
        const call = calls.get(event.index);
        if (!call) {
          violations.push(`event ${i}: tool_call_end for ${label(event.index, event.id)} without a tool_call_start`);
          break;
        }
        const name = label(event.index, event.id);
        if (call.ended) violations.push(`event ${i}: ${name} ended twice`);
        call.ended = true;
        if (call.id !== undefined && event.id !== call.id) violations.push(`event ${i}: ${name} started with id ${call.id} but ended with id ${String(event.id)}`);
        if (call.name !== '' && call.name !== event.name) violations.push(`event ${i}: ${name} started as ${call.name} but ended as ${event.name}`);
        if (event.name.trim() === '') violations.push(`event ${i}: ${name} ends without a name`);
        if (call.deltas > 0 && call.args !== event.argumentsText) {
          violations.push(`event ${i}: ${name} deltas concatenate to ${JSON.stringify(call.args)} but end says ${JSON.stringify(event.argumentsText)}`);
        }
        break;
      }
      default:
        break;
    }
  });
  for (const [index, call] of calls) if (!call.ended) violations.push(`${label(index, call.id)} never ended`);
  return violations;
}
