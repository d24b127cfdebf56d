import { SERVICE_DOWN } from '../../fixtures/mcp/test-server.ts';
import { demandAnswer, demandCall, rethrowLoopError, runAgent, type AgentLoopResult } from '../../harness/suite/agent.ts';
import { checkAllCalls, describeCalls } from '../../harness/suite/call-checks.ts';
import type { TestContext, VerifyTestDefinition } from '../../harness/suite/define.ts';
import { checkConversion, resultText, userMcpServers, withMcp, type McpSession } from '../../harness/suite/mcp.ts';
import { buildRequest } from '../../harness/suite/request.ts';
import { harnessCheck, modelCheck, protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { everythingServer, ownStdioServer, withOwnHttpServer } from './mcp-servers.ts';

const DEADLINE_MS = 240_000;
const CELL_TIMEOUT_MS = 300_000;

/** Round 1 made a call: demanded (required) → protocol, under auto → model. */
function requireFirstCall(result: AgentLoopResult, what: string): void {
  const first = result.rounds[0];
  const made = first !== undefined && first.response.toolCalls.length > 0;
  const why = `${what}: round 1 made no tool call (text ${JSON.stringify(first?.response.text.slice(0, 160) ?? '')})`;
  if (first?.toolChoice === 'required') protocolCheck(made, `tool_choice "required" demanded a call, but ${why}`);
  else modelCheck(made, why);
}

/** Two rounds: a call through MCP, then the answer. Records the MCP calls. */
async function callThroughMcp(context: TestContext, session: McpSession, prompt: string): Promise<AgentLoopResult> {
  const { target } = context;
  const result = await runAgent(context, buildRequest(context, prompt), session.registered, {
    maxCycles: 2,
    deadlineMs: DEADLINE_MS,
    choices: (round) => (round === 1 ? demandCall(target) : demandAnswer(target)),
  });
  context.record('mcpCalls', session.calls.map((call) => ({ name: call.name, arguments: call.arguments, isError: call.result?.isError, protocolError: call.protocolError, result: call.result ? resultText(call.result).slice(0, 200) : undefined })));
  rethrowLoopError(result);
  return result;
}

/** The MCP result went back to the endpoint as the tool message of round 2, and the endpoint answered it. */
function checkResultReturned(result: AgentLoopResult, session: McpSession): void {
  const first = result.rounds[0];
  const second = result.rounds[1];
  harnessCheck(first && first.calls.every((call) => !call.executed || session.calls.some((mcp) => mcp.name === call.call.name)), 'a tool call was executed without going through MCP');
  harnessCheck(second, `the loop stopped after the MCP result (termination ${result.termination})`);
  const returned = second.requestMessages.filter((message) => message.role === 'tool').map((message) => message.content);
  for (const call of first.calls) harnessCheck(returned.includes(call.result.content), `the result of ${call.call.name} was not sent back: ${call.result.content.slice(0, 120)}`);
  protocolCheck(second.response.finishReason !== 'error', `after the MCP tool result the response finished with ${String(second.response.rawFinishReason)}`);
  if (second.toolChoice === 'none') protocolCheck(second.response.toolCalls.length === 0, `tool_choice "none" after the result, but round 2 called ${describeCalls(second.response.toolCalls)}`);
}

export const mcpTests: VerifyTestDefinition[] = [
  {
    id: 'mcp_tool_discovery',
    description: "MCP servers' tools (own test server over stdio and Streamable HTTP, the official server-everything, or --mcp) are listed and converted without loss; the endpoint accepts them and its calls validate",
    requires: ['tools'],
    tags: ['mcp', 'tools'],
    assertion: 'protocol',
    timeoutMs: CELL_TIMEOUT_MS,
    async run(context) {
      const user = userMcpServers(context);
      const check = (sources: Parameters<typeof withMcp>[1]) =>
        withMcp(context, sources, async (sessions) => {
          checkConversion(context, sessions);
          // The first server's tools go to the endpoint in one request: accepted, and any call validates.
          const [offered] = sessions;
          harnessCheck(offered, 'no MCP server to offer');
          const specs = offered.registered.map((tool) => tool.spec);
          const response = await context.target.client.chat(buildRequest(context, 'Use one of the tools.', { tools: specs, toolChoice: demandCall(context.target) }), { signal: context.signal });
          context.record('offered', { source: offered.connection.source.label, tools: specs.map((spec) => spec.name), calls: describeCalls(response.toolCalls) });
          if (demandCall(context.target) === 'required') protocolCheck(response.toolCalls.length > 0, `tool_choice "required" with the MCP tools, but no call (text ${JSON.stringify(response.text.slice(0, 160))})`);
          checkAllCalls(response.toolCalls, specs);
        });
      if (user.length > 0) return check(user);
      await withOwnHttpServer((http) => check([ownStdioServer, http, everythingServer()]));
    },
  },
  {
    id: 'mcp_tool_call',
    description: 'The model calls an MCP tool (own server over Streamable HTTP: add 1234 + 4321, or the first --mcp server), the harness executes it through MCP, the result goes back and the answer uses it',
    requires: ['tools'],
    tags: ['mcp', 'tools', 'roundtrip'],
    assertion: 'model',
    timeoutMs: CELL_TIMEOUT_MS,
    async run(context) {
      const [user] = userMcpServers(context);
      if (user) {
        await withMcp(context, [user], async ([session]) => {
          harnessCheck(session, 'the --mcp server did not connect');
          const result = await callThroughMcp(context, session, 'Use one of the tools, then tell me what it returned.');
          requireFirstCall(result, 'a call to an MCP tool');
          checkAllCalls(result.rounds[0]?.response.toolCalls ?? [], session.registered.map((tool) => tool.spec));
          harnessCheck(session.calls.length > 0, 'no call reached the MCP server');
          checkResultReturned(result, session);
        });
        return;
      }
      await withOwnHttpServer((http) =>
        withMcp(context, [http], async ([session]) => {
          harnessCheck(session, 'the test server did not connect');
          const add = session.registered.filter((tool) => tool.spec.name === 'add');
          const result = await callThroughMcp(context, { ...session, registered: add }, 'What is 1234 + 4321? Use the add tool, then give me the sum.');
          requireFirstCall(result, 'add');
          checkAllCalls(result.rounds[0]?.response.toolCalls ?? [], add.map((tool) => tool.spec));
          harnessCheck(session.calls.length > 0, 'no call reached the MCP server');
          checkResultReturned(result, session);
          const call = session.calls[0];
          modelCheck(call?.arguments.a === 1234 && call.arguments.b === 4321, `add was called with ${JSON.stringify(call?.arguments)}, the question asks 1234 + 4321`);
          const answer = result.result?.finalText ?? '';
          modelCheck(answer.replace(/[,\s]/g, '').includes('5555'), `the answer does not use the MCP result 5555: ${JSON.stringify(answer.slice(0, 300))}`);
        }),
      );
    },
  },
  {
    id: 'mcp_tool_error',
    description: 'An MCP tool answers isError (own server over stdio: check_service); it becomes an error tool result the model sees, and the endpoint answers it',
    requires: ['tools'],
    tags: ['mcp', 'tools', 'errors'],
    assertion: 'protocol',
    timeoutMs: CELL_TIMEOUT_MS,
    async run(context) {
      await withMcp(context, [ownStdioServer], async ([session]) => {
        harnessCheck(session, 'the test server did not connect');
        const failing = session.registered.filter((tool) => tool.spec.name === 'check_service');
        const result = await callThroughMcp(context, { ...session, registered: failing }, 'Is the billing service up? Check it with check_service.');
        requireFirstCall(result, 'check_service');
        checkAllCalls(result.rounds[0]?.response.toolCalls ?? [], failing.map((tool) => tool.spec));
        const mcp = session.calls[0];
        harnessCheck(mcp?.result?.isError === true, `check_service should answer isError through MCP: ${JSON.stringify(mcp)}`);
        const first = result.rounds[0];
        harnessCheck(first?.calls.every((call) => call.result.isError && call.result.content.includes(SERVICE_DOWN)), 'the MCP error did not become an error tool result');
        checkResultReturned(result, session);
        const second = result.rounds[1];
        harnessCheck(second?.requestMessages.some((message) => message.role === 'tool' && message.isError === true), 'round 2 was sent without the error result');
        modelCheck(second && (second.response.text.trim() !== '' || second.response.toolCalls.length > 0), 'after the MCP error result the model answered nothing');
      });
    },
  },
];
