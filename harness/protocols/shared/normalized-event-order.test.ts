import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { TOOL_CALL_STREAM } from '../../testing/stream-events.ts';
import { checkNormalizedEvents } from './normalized-event-order.ts';

const at = 0;
const ok: StreamEvent[] = [...TOOL_CALL_STREAM];

describe('normalized event invariants (hand-written sequences)', () => {
  it('accepts a framed stream with a complete tool call, ignoring round markers', () => {
    expect(checkNormalizedEvents(ok)).toEqual([]);
    expect(checkNormalizedEvents([{ type: 'round_start', at, round: 1 }, ...ok, { type: 'round_end', at, round: 1 }])).toEqual([]);
  });

  it('flags missing framing, duplicate done, and error events', () => {
    expect(checkNormalizedEvents(ok.slice(1))).toContain('first event is tool_call_start, expected start');
    expect(checkNormalizedEvents(ok.slice(0, -1))).toContain('last event is usage, expected done');
    expect(checkNormalizedEvents([...ok, ok[6] as StreamEvent])).toContain('2 done events, expected one');
    const error = new VerifyError({ kind: 'server', layer: 'transport', message: 'boom' });
    expect(checkNormalizedEvents([ok[0] as StreamEvent, { type: 'error', at, error }, ok[6] as StreamEvent])).toEqual(['event 1 is an error: boom']);
  });

  it('flags deltas before start or after end, name changes, mismatched text and unended calls', () => {
    const [start, callStart, d1, d2, end, usage, done] = ok as [StreamEvent, StreamEvent, StreamEvent, StreamEvent, StreamEvent, StreamEvent, StreamEvent];
    expect(checkNormalizedEvents([start, d1, callStart, d2, end, done]).join()).toMatch(/tool_call_delta for tool call 0 \(a\) before its tool_call_start/);
    expect(checkNormalizedEvents([start, callStart, d1, d2, end, d2, done]).join()).toMatch(/after its tool_call_end/);
    expect(checkNormalizedEvents([start, callStart, d1, d2, { ...end, name: 'g' } as StreamEvent, done]).join()).toMatch(/started as f but ended as g/);
    expect(checkNormalizedEvents([start, callStart, d1, end, usage, done]).join()).toMatch(/deltas concatenate to/);
    expect(checkNormalizedEvents([start, callStart, d1, done])).toEqual(['tool call 0 (a) never ended']);
  });

  it('flags a call that starts without an id (the wire sent none) and an id that changes', () => {
    const [start, callStart, d1, d2, end, usage, done] = ok as [StreamEvent, StreamEvent, StreamEvent, StreamEvent, StreamEvent, StreamEvent, StreamEvent];
    const { id: _id, ...anonymous } = callStart as Extract<StreamEvent, { type: 'tool_call_start' }>;
    expect(checkNormalizedEvents([start, anonymous, d1, d2, end, usage, done])).toContain('event 1: tool call 0 starts without an id');
    expect(checkNormalizedEvents([start, callStart, d1, d2, { ...end, id: 'b' } as StreamEvent, usage, done]).join()).toMatch(/started with id a but ended with id b/);
  });
});
