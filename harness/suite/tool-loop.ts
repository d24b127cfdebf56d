import type { ChatRequest } from '../contract/chat.ts';
import type { ToolChoice } from '../contract/tools.ts';
import type { TestContext } from './define.ts';
import { runToolLoop } from '../tool-loop/run-tool-loop.ts';
import type { RegisteredTool, RoundRecord, ToolLoopResult } from '../tool-loop/types.ts';
import { protocolCheck } from '../verdicts/check-failure.ts';

export type { RegisteredTool, RoundRecord, ToolLoopResult } from '../tool-loop/types.ts';
export { ToolError } from '../tool-loop/tool-error.ts';
import { LOOP_DEADLINE_MS } from './request.ts';

/** Runs the tool loop for a test with a tool choice per round (index 0 = round 1; missing = unset). */
export async function runLoop(
  context: TestContext,
  request: ChatRequest,
  tools: RegisteredTool[],
  choices: Array<ToolChoice | undefined>,
  options: { stream?: boolean } = {},
): Promise<ToolLoopResult> {
  const result = await runToolLoop({
    client: context.target.client,
    request: { ...request, tools: tools.map((tool) => tool.spec) },
    tools,
    maxRounds: choices.length,
    deadlineMs: LOOP_DEADLINE_MS,
    signal: context.signal,
    stream: options.stream,
    toolChoiceForRound: (round) => choices[round - 1],
  });
  context.record(
    'rounds',
    result.rounds.map((round) => ({
      round: round.round,
      toolChoice: round.toolChoice,
      finish: round.response.rawFinishReason ?? round.response.finishReason,
      calls: round.calls.map((call) => ({ id: call.call.id, name: call.call.name, arguments: call.call.argumentsText, validation: call.validation.status, result: call.result.content })),
      text: round.response.text.slice(0, 300),
    })),
  );
  return result;
}

/** Protocol: the loop ran round `n` (1-based); returns it. */
export function roundOf(result: ToolLoopResult, n: number): RoundRecord {
  const round = result.rounds[n - 1];
  protocolCheck(round, `expected round ${n} of the tool loop, but it stopped after ${result.rounds.length} (${result.stoppedBecause})`);
  return round;
}

/** Protocol: with tool_choice "none" the response must not call tools. */
export function checkNoCalls(round: RoundRecord, why: string): void {
  protocolCheck(
    round.response.toolCalls.length === 0,
    `${why}, but round ${round.round} returned tool calls: ${round.response.toolCalls.map((call) => call.name).join(', ')}`,
  );
}
