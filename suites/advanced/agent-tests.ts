import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { callDemanded, checkHistory, demandAnswer, demandCall, rethrowLoopError, runAgent, type AgentLoopResult } from '../../harness/suite/agent.ts';
import { checkAllCalls, describeCalls } from '../../harness/suite/call-checks.ts';
import { buildRequest } from '../../harness/suite/request.ts';
import { harnessCheck, modelCheck, protocolCheck } from '../../harness/suite/verdict-checks.ts';
import type { RegisteredTool } from '../../harness/suite/tool-loop.ts';
import { EXCHANGE_RATE, STOCK_COUNT, WAREHOUSE_CODE, checkStockTool, flakyRateTool, lookupWarehouseTool, pollJobTool, slowExportTool } from './agent-tools.ts';

/** Budget of a whole agent loop (under the cell's own deadline, so the loop's ending is what is judged). */
const AGENT_DEADLINE_MS = 240_000;
/** The cells' own deadline: above the loop's, so the loop's ending is what is judged. */
const CELL_TIMEOUT_MS = 300_000;
/** agent_timeout's deadline: the slow tool never finishes, so the loop must end here. */
const TIMEOUT_DEADLINE_MS = 20_000;
/** How late after its deadline the loop may end (scheduling on a loaded machine). */
const DEADLINE_GRACE_MS = 3_000;

/**
 * Round `round` made a call: when its tool choice demanded one a missing call is the protocol's
 * failure, under `auto` (a target without tool_choice) the model's.
 */
function requireRoundCall(result: AgentLoopResult, round: number, what: string): void {
  const record = result.rounds[round - 1];
  const made = record !== undefined && record.response.toolCalls.length > 0;
  const why = `${what}: round ${round} made no tool call (termination ${result.termination} after ${result.cycles} cycle(s)${record ? `, text ${JSON.stringify(record.response.text.slice(0, 160))}` : ''})`;
  if (callDemanded(result, round)) protocolCheck(made, `tool_choice ${JSON.stringify(record?.toolChoice)} demanded a call, but ${why}`);
  else modelCheck(made, why);
}

const checkRoundCalls = (result: AgentLoopResult, tools: readonly RegisteredTool[]) => {
  for (const round of result.rounds) checkAllCalls(round.response.toolCalls, tools.map((tool) => tool.spec));
};

export const agentTests: VerifyTestDefinition[] = [
  {
    id: 'agent_multi_step',
    description: 'Two dependent tool calls (check_stock needs the code lookup_warehouse returned), then the answer; the history is well-formed',
    requires: ['tools'],
    tags: ['agent', 'tools', 'multi_step'],
    assertion: 'model',
    timeoutMs: CELL_TIMEOUT_MS,
    async run(context) {
      const { target } = context;
      const tools = [lookupWarehouseTool, checkStockTool];
      const prompt =
        'How many items are in stock in the Lyon warehouse? First call lookup_warehouse to get the code of the Lyon warehouse, ' +
        'then call check_stock with that code, then answer with the number of items.';
      const result = await runAgent(context, buildRequest(context, prompt), tools, {
        maxCycles: 3,
        deadlineMs: AGENT_DEADLINE_MS,
        choices: (round) => (round < 3 ? demandCall(target) : demandAnswer(target)),
      });
      rethrowLoopError(result);
      requireRoundCall(result, 1, 'lookup_warehouse first');
      checkRoundCalls(result, tools);
      if (result.result) checkHistory(result.result.messages);
      const [first, second, third] = result.rounds;
      modelCheck(first?.response.toolCalls.some((call) => call.name === 'lookup_warehouse'), `round 1 should call lookup_warehouse: ${describeCalls(first?.response.toolCalls ?? [])}`);
      requireRoundCall(result, 2, 'check_stock with the code');
      const stock = second?.calls.find((call) => call.call.name === 'check_stock');
      modelCheck(stock, `round 2 should call check_stock: ${describeCalls(second?.response.toolCalls ?? [])}`);
      modelCheck(stock.call.argumentsText.includes(WAREHOUSE_CODE), `check_stock's code does not come from lookup_warehouse's result (${WAREHOUSE_CODE}): ${stock.call.argumentsText}`);
      if (third?.toolChoice === 'none') protocolCheck(third.response.toolCalls.length === 0, `tool_choice "none" in round 3, but it called ${describeCalls(third.response.toolCalls)}`);
      modelCheck(result.termination === 'completed', `the model kept calling tools until the cycle limit: ${describeCalls(third?.response.toolCalls ?? [])}`);
      const answer = result.result?.finalText ?? '';
      modelCheck(answer.replace(/[,\s]/g, '').includes(STOCK_COUNT), `the answer does not give the stock count ${STOCK_COUNT}: ${JSON.stringify(answer.slice(0, 300))}`);
    },
  },
  {
    id: 'agent_cycle_limit',
    description: 'A tool that always asks to be called again: the loop stops at max cycles (3) with termination max_cycles, no hang, no exception',
    requires: ['tools'],
    tags: ['agent', 'tools', 'limits'],
    assertion: 'protocol',
    timeoutMs: CELL_TIMEOUT_MS,
    async run(context) {
      const poll = pollJobTool();
      const request = buildRequest(context, 'Export job job-1 is running. Poll it with poll_job until it is finished, then tell me.');
      const result = await runAgent(context, request, [poll], { maxCycles: 3, deadlineMs: AGENT_DEADLINE_MS, choices: () => demandCall(context.target) });
      rethrowLoopError(result);
      for (let round = 1; round <= result.rounds.length; round += 1) requireRoundCall(result, round, 'poll_job again');
      checkRoundCalls(result, [poll]);
      harnessCheck(result.termination === 'max_cycles', `expected termination max_cycles, got ${result.termination}`);
      harnessCheck(result.cycles === 3, `the loop ran ${result.cycles} cycles, its limit is 3`);
      harnessCheck(poll.calls() >= 3, `poll_job ran ${poll.calls()} time(s) in 3 cycles that each called it`);
      if (result.result) checkHistory(result.result.messages);
    },
  },
  {
    id: 'agent_timeout',
    description: `A tool that never finishes: the loop ends with termination timeout at its deadline (${TIMEOUT_DEADLINE_MS} ms) and aborts what is in flight`,
    requires: ['tools'],
    tags: ['agent', 'tools', 'limits'],
    assertion: 'protocol',
    timeoutMs: CELL_TIMEOUT_MS,
    async run(context) {
      const slow = slowExportTool();
      const request = buildRequest(context, 'Export the yearly report for 2024 with export_report.');
      const result = await runAgent(context, request, [slow], { maxCycles: 3, deadlineMs: TIMEOUT_DEADLINE_MS, choices: () => demandCall(context.target) });
      rethrowLoopError(result, { timeoutExpected: true });
      // The deadline passed before any call reached the slow tool: the endpoint was slower than the
      // deadline (a timeout error), which says nothing about the loop's handling of a slow tool.
      if (result.termination === 'timeout' && !slow.started()) throw result.error;
      if (result.termination !== 'timeout') {
        // The loop ended before the deadline: only possible if the model never called the slow tool.
        requireRoundCall(result, 1, 'export_report');
      }
      harnessCheck(result.termination === 'timeout', `expected termination timeout, got ${result.termination} after ${result.elapsedMs} ms`);
      harnessCheck(result.elapsedMs <= TIMEOUT_DEADLINE_MS + DEADLINE_GRACE_MS, `the loop ended ${result.elapsedMs} ms after it started, its deadline was ${TIMEOUT_DEADLINE_MS} ms`);
      harnessCheck(result.inFlight, 'the loop timed out with nothing in flight');
      context.record('inFlight', result.inFlight);
      harnessCheck(result.inFlight.aborted, `the in-flight ${result.inFlight.kind} was not aborted at the deadline`);
      harnessCheck(slow.aborted(), 'export_report was not cancelled at the deadline');
    },
  },
  {
    id: 'agent_tool_error_recovery',
    description: 'get_exchange_rate fails once; the model sees the error result, calls it again, and answers with the rate',
    requires: ['tools'],
    tags: ['agent', 'tools', 'errors'],
    assertion: 'model',
    timeoutMs: CELL_TIMEOUT_MS,
    async run(context) {
      const { target } = context;
      const rate = flakyRateTool();
      const request = buildRequest(context, 'What is the exchange rate from EUR to USD? Use get_exchange_rate; if it fails, call it again.');
      const result = await runAgent(context, request, [rate], {
        maxCycles: 3,
        deadlineMs: AGENT_DEADLINE_MS,
        choices: (round) => (round < 3 ? demandCall(target) : demandAnswer(target)),
      });
      rethrowLoopError(result);
      requireRoundCall(result, 1, 'get_exchange_rate');
      checkRoundCalls(result, [rate]);
      const [first, second] = result.rounds;
      harnessCheck(first?.calls[0]?.result.isError, `the first get_exchange_rate call should fail: ${first?.calls[0]?.result.content ?? 'no call'}`);
      // The loop continued: round 2 was sent with the error result in it, and the endpoint answered it.
      harnessCheck(second, `the loop stopped after the error result (termination ${result.termination})`);
      harnessCheck(second.requestMessages.some((message) => message.role === 'tool' && message.isError === true), 'round 2 was sent without the error result');
      protocolCheck(second.response.finishReason !== 'error', `after the error result the response finished with ${String(second.response.rawFinishReason)}`);
      requireRoundCall(result, 2, 'get_exchange_rate again after the error');
      modelCheck(second.calls.some((call) => !call.result.isError), `the retry failed: ${second.calls.map((call) => call.result.content).join(' | ')}`);
      if (result.result) checkHistory(result.result.messages);
      modelCheck(result.termination === 'completed', `the model kept calling tools until the cycle limit (${result.cycles} cycles)`);
      const answer = result.result?.finalText ?? '';
      modelCheck(answer.includes(EXCHANGE_RATE), `the answer does not give the rate ${EXCHANGE_RATE}: ${JSON.stringify(answer.slice(0, 300))}`);
    },
  },
];
