import { defineSuite } from '../../harness/suite/define.ts';
import { abortTest } from './abort-test.ts';
import { basicTests } from './basic-tests.ts';
import { eventOrderTest } from './event-order-test.ts';
import { streamingToolsTest } from './tools-test.ts';

/**
 * Streaming. Every test records ttftMs (first text_delta / tool_call_start after the request
 * started). Raw event order is checked per protocol on the SDK events the adapter records in its
 * transcript (harness/protocols/<id>/event-order.ts); normalized framing on the contract's events.
 */
export const streamingSuite = defineSuite({
  id: 'streaming',
  description: 'Streamed text and tool calls, event order per protocol, usage, stream/non-stream agreement, abort, time to first token',
  tests: [...basicTests, eventOrderTest, streamingToolsTest, abortTest],
});
