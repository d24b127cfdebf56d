import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../contract/stream.ts';
import { checkEmbeddedEventOrder } from './event-order.ts';

const at = 0;
const ok: StreamEvent[] = [
  { type: 'start', at },
  { type: 'tool_call_start', at, id: 'a', name: 'f' },
  { type: 'tool_call_delta', at, id: 'a', argumentsDelta: '{"x":' },
  { type: 'tool_call_delta', at, id: 'a', argumentsDelta: '1}' },
  { type: 'tool_call_end', at, id: 'a', name: 'f', argumentsText: '{"x":1}', arguments: { x: 1 } },
  { type: 'usage', at, usage: { output: 3 } },
  { type: 'done', at, finishReason: 'tool_calls' },
];

describe('embedded event order (hand-written sequences)', () => {
  it('embedded: checks recorded normalized events, framing only when recorded', () => {
    expect(checkEmbeddedEventOrder(ok.slice(1, 5))).toEqual([]);
    expect(checkEmbeddedEventOrder(ok)).toEqual([]);
    expect(checkEmbeddedEventOrder([{ foo: 1 }])).toEqual(['1 recorded event(s) are not normalized events']);
    expect(checkEmbeddedEventOrder([ok[2], ok[1]]).join()).toMatch(/before its tool_call_start/);
  });
});
