import type { StreamEvent } from '../contract/stream.ts';

const at = 0;

/** A well-formed normalized stream with one tool call split over two deltas (hand-written, for event-order tests). */
export const TOOL_CALL_STREAM: readonly StreamEvent[] = [
  { type: 'start', at },
  { type: 'tool_call_start', at, index: 0, id: 'a', name: 'f' },
  { type: 'tool_call_delta', at, index: 0, id: 'a', argumentsDelta: '{"x":' },
  { type: 'tool_call_delta', at, index: 0, id: 'a', argumentsDelta: '1}' },
  { type: 'tool_call_end', at, index: 0, id: 'a', name: 'f', argumentsText: '{"x":1}', arguments: { x: 1 } },
  { type: 'usage', at, usage: { output: 3 } },
  { type: 'done', at, finishReason: 'tool_calls' },
];
