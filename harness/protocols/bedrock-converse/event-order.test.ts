import { describe, expect, it } from 'vitest';
import { checkBedrockConverseEventOrder as check } from './event-order.ts';

/** ConverseStreamOutput members as the SDK yields them: one key per event. */
const stream = [
  { messageStart: { role: 'assistant' } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Let me check.' } } },
  { contentBlockStop: { contentBlockIndex: 0 } },
  { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: 't1', name: 'f' } } } },
  { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{}' } } } },
  { contentBlockStop: { contentBlockIndex: 1 } },
  { messageStop: { stopReason: 'tool_use' } },
  { metadata: { usage: { inputTokens: 5, outputTokens: 7, totalTokens: 12 }, metrics: { latencyMs: 100 } } },
];

describe('bedrock-converse event order (hand-written sequences)', () => {
  it('accepts an implicit text block followed by a started tool block, then stop and metadata', () => {
    expect(check(stream, { usageExpected: true })).toEqual([]);
  });

  it('flags a missing messageStart, a missing messageStop, and missing metadata when usage is expected', () => {
    expect(check(stream.slice(1)).join()).toMatch(/first event is contentBlockDelta, expected messageStart/);
    expect(check(stream.slice(0, 6))).toContain('no messageStop');
    expect(check(stream.slice(0, 7), { usageExpected: true })).toEqual(['usage expected but no metadata event']);
  });

  it('flags interleaved blocks and a stop for a block that is not open', () => {
    const interleaved = [stream[0], stream[1], stream[3], stream[2], ...stream.slice(4)];
    expect(check(interleaved).join()).toMatch(/block 1 starts while block 0 is open/);
    expect(check([stream[0], { contentBlockStop: { contentBlockIndex: 3 } }, ...stream.slice(6)]).join()).toMatch(/contentBlockStop for block 3 but the open block is undefined/);
  });

  it('flags messageStop while a block is open, without stopReason, and events after it', () => {
    expect(check([stream[0], stream[1], ...stream.slice(6)]).join()).toMatch(/messageStop while block 0 is open/);
    expect(check([...stream.slice(0, 6), { messageStop: {} }]).join()).toMatch(/without stopReason/);
    expect(check([...stream.slice(0, 7), stream[1], stream[7]]).join()).toMatch(/contentBlockDelta after messageStop/);
    expect(check([...stream, stream[1]]).join()).toMatch(/after metadata/);
  });

  it('flags exception members', () => {
    expect(check([...stream.slice(0, 2), { throttlingException: { message: 'slow down' } }]).join()).toMatch(/exception: throttlingException/);
  });
});
