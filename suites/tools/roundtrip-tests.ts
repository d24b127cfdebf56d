import { calculatorTool } from '../../fixtures/tools/calculator.ts';
import { fileReadTool } from '../../fixtures/tools/file-read.ts';
import { getWeatherTool } from '../../fixtures/tools/get-weather.ts';
import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { harnessCheck, modelCheck, protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { checkAllCalls, describeCallId, describeCalls, numbersIn, requireToolCall } from '../../harness/suite/call-checks.ts';
import { stockPriceTool } from './failing-tool.ts';
import { checkNoCalls, roundOf, runLoop } from '../../harness/suite/tool-loop.ts';
import { buildRequest } from '../../harness/suite/request.ts';

const mentions = (text: string, value: string): boolean => new RegExp(`(^|[^\\d.])${value.replace('.', '\\.')}(?![\\d])`).test(text);

export const roundtripTests: VerifyTestDefinition[] = [
  {
    id: 'tool_result_roundtrip',
      estimate: { requests: 2, inputTokens: 400 },
    description: 'get_weather is called, its result is sent back, and the final answer uses the temperature it returned',
    requires: ['tools', 'tool_choice', 'tool_choice_none'],
    tags: ['tools', 'roundtrip'],
    assertion: 'model',
    async run(context) {
      const tools = [getWeatherTool, calculatorTool];
      const request = buildRequest(context, 'What is the weather in Paris right now? Tell me the temperature.');
      const result = await runLoop(context, request, tools, [{ name: 'get_weather' }, 'none']);
      const first = roundOf(result, 1);
      requireToolCall(first.response, 'tool_choice named get_weather');
      checkAllCalls(first.response.toolCalls, tools.map((tool) => tool.spec));
      checkNoCalls(roundOf(result, 2), 'tool_choice "none" after the tool result');
      const outputs = first.calls.filter((call) => !call.result.isError).map((call) => call.result.content);
      modelCheck(outputs.length > 0, `every get_weather call failed: ${first.calls.map((call) => call.result.content).join(' | ')}`);
      const numbers = [...new Set(outputs.flatMap(numbersIn))];
      modelCheck(
        numbers.some((value) => mentions(result.finalText, value)),
        `the final answer does not use the tool result (${outputs.join(' | ')}): ${JSON.stringify(result.finalText.slice(0, 300))}`,
      );
    },
  },
  {
    id: 'parallel_tool_calls',
      estimate: { requests: 2, inputTokens: 400 },
    description: 'One response calls get_weather for two cities; both results are answered in one turn and accepted',
    requires: ['tools', 'tool_choice', 'tool_choice_none', 'parallel_tool_calls'],
    tags: ['tools', 'parallel'],
    assertion: 'model',
    async run(context) {
      const request = buildRequest(context, 'Get the current weather in Paris and in Tokyo. Call get_weather once for each city, both at once.', {
        parallelToolCalls: true,
      });
      const result = await runLoop(context, request, [getWeatherTool], ['required', 'none']);
      const first = roundOf(result, 1);
      requireToolCall(first.response, 'tool_choice "required"');
      checkAllCalls(first.response.toolCalls, [getWeatherTool.spec]);
      checkNoCalls(roundOf(result, 2), 'tool_choice "none" after the tool results');
      const calls = first.response.toolCalls;
      modelCheck(calls.length >= 2, `expected two parallel calls, got ${describeCalls(calls)}`);
      const cities = first.calls.map((call) => String((call.arguments as { city?: unknown } | undefined)?.city ?? '').toLowerCase());
      modelCheck(cities.some((city) => city.includes('paris')) && cities.some((city) => city.includes('tokyo')), `cities asked: ${cities.join(', ')}`);
    },
  },
  {
    id: 'multi_step_chain',
      estimate: { requests: 4, inputTokens: 500 },
    description: 'get_weather, then calculator on its result (+10), then the answer: each step feeds the next within three rounds',
    requires: ['tools', 'tool_choice', 'tool_choice_none'],
    tags: ['tools', 'roundtrip', 'multi_step'],
    assertion: 'model',
    async run(context) {
      const prompt =
        'First look up the temperature in Paris in celsius with get_weather. ' +
        'Then use the calculator to add 10 to that temperature. Then tell me the result.';
      const tools = [getWeatherTool, calculatorTool];
      const result = await runLoop(context, buildRequest(context, prompt), tools, [{ name: 'get_weather' }, { name: 'calculator' }, 'none']);
      const weather = roundOf(result, 1);
      requireToolCall(weather.response, 'tool_choice named get_weather');
      const calc = roundOf(result, 2);
      requireToolCall(calc.response, 'tool_choice named calculator');
      const final = roundOf(result, 3);
      protocolCheck(weather.response.toolCalls.every((call) => call.name === 'get_weather'), `round 1 named get_weather: ${describeCalls(weather.response.toolCalls)}`);
      protocolCheck(calc.response.toolCalls.every((call) => call.name === 'calculator'), `round 2 named calculator: ${describeCalls(calc.response.toolCalls)}`);
      checkAllCalls(weather.response.toolCalls, [getWeatherTool.spec]);
      checkAllCalls(calc.response.toolCalls, [calculatorTool.spec]);
      checkNoCalls(final, 'tool_choice "none" in the last round');
      const temperature = weather.calls.find((call) => !call.result.isError)?.result.content;
      modelCheck(temperature, `get_weather failed: ${weather.calls.map((call) => call.result.content).join(' | ')}`);
      const celsius = numbersIn(temperature)[0] ?? '';
      const expression = String((calc.calls[0]?.arguments as { expression?: unknown } | undefined)?.expression ?? '');
      modelCheck(mentions(expression, celsius), `the calculator expression ${JSON.stringify(expression)} does not use the temperature ${celsius} from get_weather`);
      const sum = calc.calls[0]?.result.content ?? '';
      modelCheck(!calc.calls[0]?.result.isError, `calculator failed: ${sum}`);
      modelCheck(mentions(result.finalText, sum), `the final answer does not contain the calculator result ${sum}: ${JSON.stringify(result.finalText.slice(0, 300))}`);
    },
  },
  {
    id: 'tool_error_recovery',
      estimate: { requests: 2, inputTokens: 400 },
    description: 'A tool returns an error result; the endpoint accepts it and a non-error response follows',
    requires: ['tools', 'tool_choice'],
    tags: ['tools', 'errors'],
    assertion: 'protocol',
    async run(context) {
      const request = buildRequest(context, 'What is the current price of the ACME stock?');
      const result = await runLoop(context, request, [stockPriceTool], [{ name: 'get_stock_price' }, undefined]);
      const first = roundOf(result, 1);
      requireToolCall(first.response, 'tool_choice named get_stock_price');
      harnessCheck(first.calls.every((call) => call.result.isError), 'the failing tool did not produce an error result');
      const after = roundOf(result, 2);
      context.record('afterError', { finish: after.response.rawFinishReason, text: after.response.text.slice(0, 200), calls: describeCalls(after.response.toolCalls) });
      protocolCheck(after.response.finishReason !== 'error', `after the error result the response finished with ${String(after.response.rawFinishReason)}`);
      modelCheck(after.response.text.trim() !== '' || after.response.toolCalls.length > 0, 'after the error result the model answered nothing');
    },
  },
  {
    id: 'call_id_pairing',
      estimate: { requests: 2, inputTokens: 400 },
    description: 'The call ids the SERVER sent are present, non-empty and unique, and the server accepts tool results paired to them by id (the next round answers)',
    requires: ['tools', 'tool_choice', 'tool_choice_none'],
    tags: ['tools', 'ids'],
    assertion: 'protocol',
    async run(context) {
      const request = buildRequest(context, 'What is the weather in Paris and in Tokyo?');
      const result = await runLoop(context, request, [getWeatherTool], ['required', 'none']);
      const first = roundOf(result, 1);
      requireToolCall(first.response, 'tool_choice "required"');
      const calls = first.response.toolCalls;
      context.record('callIds', calls.map(describeCallId));
      // The server's ids: present, non-empty, unique (a missing one is the server's protocol failure).
      checkAllCalls(calls, [getWeatherTool.spec]);
      if (calls.every((call) => call.idSource === 'synthesized')) {
        context.unsupported(`the ${context.target.protocol} server sent no call ids (its protocol pairs results by name and order), so id pairing cannot be judged`);
      }
      // The loop answered every call by the id the server sent (our own code: harness if not).
      const second = roundOf(result, 2);
      const answered = second.requestMessages.flatMap((message) => (message.role === 'tool' ? [message.toolCallId] : []));
      harnessCheck(
        calls.every((call) => answered.filter((id) => id === call.id).length === 1),
        `the tool loop did not answer each server id once: calls ${calls.map(describeCallId).join(', ')}, answered ${answered.join(', ')}`,
      );
      // The server accepted the pairing: round 2 was answered (a rejection throws its own verdict).
      context.record('afterPairing', { finish: second.response.rawFinishReason, text: second.response.text.slice(0, 120) });
      checkNoCalls(second, 'tool_choice "none" after the tool results');
    },
  },
  {
    id: 'file_read_fixture',
      estimate: { requests: 2, inputTokens: 400 },
    description: 'file_read on fixtures/files/greeting.txt; the final answer relays the secret word from the file',
    requires: ['tools', 'tool_choice', 'tool_choice_none'],
    tags: ['tools', 'roundtrip', 'files'],
    assertion: 'model',
    async run(context) {
      const request = buildRequest(context, 'Read the file greeting.txt with the file_read tool and tell me the secret word it contains.');
      const result = await runLoop(context, request, [fileReadTool], [{ name: 'file_read' }, 'none']);
      const first = roundOf(result, 1);
      requireToolCall(first.response, 'tool_choice named file_read');
      checkAllCalls(first.response.toolCalls, [fileReadTool.spec]);
      checkNoCalls(roundOf(result, 2), 'tool_choice "none" after the tool result');
      modelCheck(first.calls.some((call) => !call.result.isError), `file_read failed: ${first.calls.map((call) => `${call.call.argumentsText} → ${call.result.content}`).join(' | ')}`);
      modelCheck(/marmalade/i.test(result.finalText), `the final answer lacks the secret word: ${JSON.stringify(result.finalText.slice(0, 300))}`);
    },
  },
];
