import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../contract/stream.ts';
import { TOOL_CALL_STREAM } from '../../testing/stream-events.ts';
import { checkEmbeddedEventOrder } from './event-order.ts';

const at = 0;
const ok: StreamEvent[] = [...TOOL_CALL_STREAM];

describe('embedded event order (hand-written sequences)', () => {
  it('embedded: checks recorded normalized events, framing only when recorded', () => {
    expect(checkEmbeddedEventOrder(ok.slice(1, 5))).toEqual([]);
    expect(checkEmbeddedEventOrder(ok)).toEqual([]);
    expect(checkEmbeddedEventOrder([{ foo: 1 }])).toEqual(['1 recorded event(s) are not normalized events']);
    expect(checkEmbeddedEventOrder([ok[2], ok[1]]).join()).toMatch(/before its tool_call_start/);
  });
});
