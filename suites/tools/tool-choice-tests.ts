import { calculatorSpec } from '../../fixtures/tools/calculator.ts';
import { getTimeSpec } from '../../fixtures/tools/get-time.ts';
import { getWeatherSpec } from '../../fixtures/tools/get-weather.ts';
import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { checkFinishReason } from '../../harness/suite/answer-checks.ts';
import { checkAllCalls, describeCalls, requireToolCall } from '../../harness/suite/call-checks.ts';
import { buildRequest } from '../../harness/suite/request.ts';

export const toolChoiceTests: VerifyTestDefinition[] = [
  {
    id: 'tool_choice_required',
    description: 'tool_choice "required" on a prompt that needs no tool: the response MUST contain a tool call with valid arguments',
    requires: ['tools', 'tool_choice'],
    tags: ['tools', 'tool_choice'],
    assertion: 'protocol',
    async run(context) {
      const tools = [getTimeSpec, calculatorSpec];
      const response = await context.target.client.chat(
        buildRequest(context, 'Say hello to me in one short sentence.', { tools, toolChoice: 'required' }),
        { signal: context.signal },
      );
      context.record('toolCalls', describeCalls(response.toolCalls));
      requireToolCall(response, 'tool_choice "required"');
      checkAllCalls(response.toolCalls, tools);
    },
  },
  {
    id: 'tool_choice_none',
    description: 'tool_choice "none" on a prompt that asks for a tool, with the tools still declared: the response MUST NOT contain tool calls',
    requires: ['tools', 'tool_choice', 'tool_choice_none'],
    // No call is the pass: a server that ignores tool_choice passes too, so a pass shows nothing under --probe.
    passShows: [],
    tags: ['tools', 'tool_choice'],
    assertion: 'protocol',
    async run(context) {
      const response = await context.target.client.chat(
        buildRequest(context, 'Use the calculator tool to compute 6 * 7.', { tools: [calculatorSpec], toolChoice: 'none' }),
        { signal: context.signal },
      );
      context.record('finishReason', response.rawFinishReason ?? response.finishReason);
      protocolCheck(response.toolCalls.length === 0, `tool_choice "none", but the response calls ${describeCalls(response.toolCalls)}`);
      protocolCheck(response.finishReason !== 'tool_calls', 'tool_choice "none", but the finish reason is tool_calls');
    },
  },
  {
    id: 'tool_choice_specific',
    description: 'tool_choice naming one tool, against a prompt that suggests another: every call MUST be to the named tool',
    requires: ['tools', 'tool_choice'],
    tags: ['tools', 'tool_choice'],
    assertion: 'protocol',
    async run(context) {
      const tools = [calculatorSpec, getWeatherSpec, getTimeSpec];
      const response = await context.target.client.chat(
        buildRequest(context, 'What time is it right now?', { tools, toolChoice: { name: 'get_weather' } }),
        { signal: context.signal },
      );
      context.record('toolCalls', describeCalls(response.toolCalls));
      requireToolCall(response, 'tool_choice named get_weather');
      for (const call of response.toolCalls) {
        protocolCheck(call.name === 'get_weather', `tool_choice named get_weather, but the response calls ${call.name}`);
      }
      checkAllCalls(response.toolCalls, tools);
    },
  },
  {
    id: 'finish_reason_tool_calls',
    description: 'A response that calls a tool reports finish reason tool_calls',
    requires: ['tools', 'tool_choice'],
    tags: ['tools', 'finish_reason'],
    assertion: 'protocol',
    async run(context) {
      const request = buildRequest(context, 'Use the calculator tool to compute 9 * 9.', { tools: [calculatorSpec], toolChoice: 'required' });
      const response = await context.target.client.chat(request, { signal: context.signal });
      context.record('rawFinishReason', response.rawFinishReason);
      requireToolCall(response, 'tool_choice "required"');
      // Cut at max_tokens while still writing calls, `length` is the right finish: the model never ended its turn.
      checkFinishReason(response, 'tool_calls', request.maxTokens, `the response calls ${describeCalls(response.toolCalls)}`);
    },
  },
];
