import { describe, expect, it } from 'vitest';
import { checkAnthropicMessagesEventOrder as check } from './event-order.ts';

const stream = [
  { type: 'message_start', message: { id: 'msg_1', role: 'assistant' } },
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'ping' },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } },
  { type: 'content_block_stop', index: 0 },
  { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'f', input: {} } },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{}' } },
  { type: 'content_block_stop', index: 1 },
  { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 5 } },
  { type: 'message_stop' },
];

describe('anthropic-messages event order (hand-written sequences)', () => {
  it('accepts text + tool_use blocks with pings anywhere', () => {
    expect(check(stream)).toEqual([]);
  });

  it('flags a missing message_start and a missing message_stop', () => {
    expect(check(stream.slice(1)).join()).toMatch(/first event is content_block_start, expected message_start/);
    expect(check(stream.slice(0, 9)).join()).toMatch(/ended before message_stop/);
  });

  it('flags overlapping blocks, wrong indices and a delta of the wrong type', () => {
    const overlap = [stream[0], stream[1], stream[5], stream[4], ...stream.slice(8)];
    expect(check(overlap).join()).toMatch(/content_block_start is not allowed here/);
    const wrongIndex = stream.map((event, i) => (i === 3 ? { ...event, index: 1 } : event));
    expect(check(wrongIndex).join()).toMatch(/content_block_delta index 1, expected the open block 0/);
    const wrongDelta = stream.map((event, i) => (i === 3 ? { ...event, delta: { type: 'input_json_delta', partial_json: '' } } : event));
    expect(check(wrongDelta).join()).toMatch(/input_json_delta in a text block/);
  });

  it('flags message_delta before the last block stops, no content block, and no stop_reason', () => {
    expect(check([...stream.slice(0, 7), stream[8], stream[7], stream[9]]).join()).toMatch(/message_delta is not allowed here/);
    expect(check([stream[0], stream[8], stream[9]])).toEqual(['no content block was streamed']);
    expect(check([...stream.slice(0, 8), { type: 'message_delta', delta: {} }, stream[9]])).toEqual(['no message_delta carried a stop_reason']);
  });

  it('flags events after message_stop and error events', () => {
    expect(check([...stream, { type: 'message_stop' }]).join()).toMatch(/after message_stop/);
    expect(check([...stream.slice(0, 4), { type: 'error', error: { message: 'Overloaded' } }, ...stream.slice(4)]).join()).toMatch(/error event: Overloaded/);
  });
});
