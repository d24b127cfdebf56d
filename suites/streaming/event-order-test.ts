import { getWeatherSpec } from '../../fixtures/tools/get-weather.ts';
import type { ChatRequest } from '../../harness/contract/chat.ts';
import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { buildRequest } from '../../harness/suite/request.ts';
import { checkNormalizedEvents, checkRawEventOrder, rawEventLabel } from '../../harness/suite/event-order.ts';
import { streamOnce } from '../../harness/suite/stream-once.ts';

export const eventOrderTest: VerifyTestDefinition = {
  id: 'event_order',
  description: "The SDK's raw stream events follow the protocol's order (per-protocol checker), and the normalized events are well-framed",
  requires: ['streaming'],
  tags: ['streaming', 'event_order'],
  assertion: 'protocol',
  async run(context) {
    const { capabilities, protocol } = context.target;
    const runs: Array<[string, ChatRequest]> = [['text', buildRequest(context, 'Write one short sentence about the sea.', { maxTokens: 24 })]];
    if (capabilities.streaming_tools === true && capabilities.tool_choice === true) {
      runs.push(['tool', buildRequest(context, 'What is the weather in Paris?', { tools: [getWeatherSpec], toolChoice: { name: 'get_weather' } })]);
    }
    const violations: string[] = [];
    for (const [label, request] of runs) {
      const run = await streamOnce(context, request, label === 'text' ? 'ttftMs' : `ttftMs_${label}`);
      context.record(`rawEvents_${label}`, run.rawEvents.map(rawEventLabel).slice(0, 60));
      protocolCheck(run.rawEvents.length > 0, `${label}: the ${protocol} adapter recorded no raw stream events in the transcript`);
      for (const violation of checkRawEventOrder(protocol, run.rawEvents, { usageExpected: capabilities.stream_usage === true })) violations.push(`${label} raw: ${violation}`);
      for (const violation of checkNormalizedEvents(run.events)) violations.push(`${label} normalized: ${violation}`);
    }
    protocolCheck(violations.length === 0, `${violations.length} event-order violation(s): ${violations.slice(0, 8).join('; ')}`);
  },
};
