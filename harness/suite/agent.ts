import type { ChatRequest } from '../contract/chat.ts';
import type { Message } from '../contract/messages.ts';
import type { ToolChoice } from '../contract/tools.ts';
import { runAgentLoop, type AgentLoopResult } from '../tool-loop/agent-loop.ts';
import type { RegisteredTool } from '../tool-loop/types.ts';
import { harnessCheck, protocolCheck } from '../verdicts/check-failure.ts';
import { checkCallIds, describeCallId } from './call-checks.ts';
import type { Target, TestContext } from './define.ts';

export type { AgentLoopResult, Termination } from '../tool-loop/agent-loop.ts';

/**
 * The strongest tool choice the target can carry for "call a tool now": `required` where the model
 * declares tool_choice, else `auto` (the call then rests on the model: a missing one is a model
 * failure, see `callDemanded`).
 */
export function demandCall(target: Target): ToolChoice {
  return target.capabilities.tool_choice === false ? 'auto' : 'required';
}

/** "Answer now, no tools": `none` where the target carries it, else unset. */
export function demandAnswer(target: Target): ToolChoice | undefined {
  return target.capabilities.tool_choice === false || target.capabilities.tool_choice_none === false ? undefined : 'none';
}

/** Whether round `round`'s tool choice demanded a call (so a missing call is the protocol's failure, not the model's). */
export function callDemanded(result: AgentLoopResult, round: number): boolean {
  const choice = result.rounds[round - 1]?.toolChoice;
  return choice === 'required' || (typeof choice === 'object' && choice !== null);
}

/**
 * Runs the agent loop for a test and records its termination reason, cycles and rounds in the
 * cell's details (the matrix detail shows the termination). Never throws for the loop's own
 * endings; the caller decides what an `error` termination means (usually: rethrow its error).
 */
export async function runAgent(
  context: TestContext,
  request: ChatRequest,
  tools: RegisteredTool[],
  options: { maxCycles: number; deadlineMs: number; choices: (round: number) => ToolChoice | undefined; stream?: boolean },
): Promise<AgentLoopResult> {
  const result = await runAgentLoop({
    client: context.target.client,
    request: { ...request, tools: tools.map((tool) => tool.spec) },
    tools,
    maxCycles: options.maxCycles,
    deadlineMs: options.deadlineMs,
    signal: context.signal,
    stream: options.stream,
    toolChoiceForRound: options.choices,
  });
  context.record('termination', result.termination);
  context.record('cycles', result.cycles);
  context.record('agent', {
    maxCycles: options.maxCycles,
    deadlineMs: options.deadlineMs,
    elapsedMs: result.elapsedMs,
    ...(result.inFlight ? { inFlight: result.inFlight } : {}),
    ...(result.error !== undefined ? { error: result.error instanceof Error ? result.error.message : String(result.error) } : {}),
  });
  context.record(
    'rounds',
    result.rounds.map((round) => ({
      round: round.round,
      toolChoice: round.toolChoice,
      finish: round.response.rawFinishReason ?? round.response.finishReason,
      calls: round.calls.map((call) => ({ id: describeCallId(call.call), name: call.call.name, arguments: call.call.argumentsText, validation: call.validation.status, result: call.result.content.slice(0, 200), isError: call.result.isError })),
      text: round.response.text.slice(0, 300),
    })),
  );
  return result;
}

/**
 * An `error` termination carries the request's own failure: rethrown so it gets its verdict and
 * layer. So is a `timeout` where the test did not provoke one (the endpoint was too slow for the
 * loop's deadline: a timeout error, never blamed on the endpoint's answers nor on us).
 */
export function rethrowLoopError(result: AgentLoopResult, options: { timeoutExpected?: boolean } = {}): void {
  if (result.termination === 'error') throw result.error;
  if (result.termination === 'timeout' && options.timeoutExpected !== true) throw result.error;
}

/**
 * The history the loop kept is well-formed: every call the server sent has an id (unless the
 * protocol has none) unique across the whole conversation (protocol), and our loop answered each
 * call exactly once, by that id, right after the assistant turn that made it, with roles in order
 * (harness: the loop is ours).
 */
export function checkHistory(messages: readonly Message[]): void {
  const allCalls = messages.flatMap((message) => (message.role === 'assistant' ? (message.toolCalls ?? []) : []));
  for (const message of messages) if (message.role === 'assistant' && message.toolCalls) checkCallIds(message.toolCalls);
  const wireIds = allCalls.filter((call) => call.idSource !== 'synthesized' && call.id !== undefined).map((call) => call.id);
  const repeated = wireIds.filter((id, index) => wireIds.indexOf(id) !== index);
  protocolCheck(repeated.length === 0, `the server reused tool call id(s) across the conversation: ${[...new Set(repeated)].join(', ')} (results are paired by id)`);
  let index = messages.findIndex((message) => message.role === 'user');
  harnessCheck(index >= 0, 'the history has no user message');
  for (index += 1; index < messages.length; index += 1) {
    const message = messages[index];
    harnessCheck(message?.role === 'assistant', `message ${index} should be an assistant turn, is ${message?.role ?? 'missing'}`);
    const calls = message.toolCalls ?? [];
    for (const call of calls) {
      index += 1;
      const answer = messages[index];
      harnessCheck(answer?.role === 'tool', `call ${call.name}#${describeCallId(call)} is not answered by the next message (${answer?.role ?? 'none'})`);
      harnessCheck(answer.toolCallId === call.id && answer.name === call.name, `call ${call.name}#${describeCallId(call)} answered as ${answer.name}#${answer.toolCallId ?? '(no id)'}`);
    }
  }
}
