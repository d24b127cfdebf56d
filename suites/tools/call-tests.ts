import { evaluateArithmetic } from '../../fixtures/tools/arithmetic.ts';
import { calculatorSpec } from '../../fixtures/tools/calculator.ts';
import { createEventSpec } from '../../fixtures/tools/create-event.ts';
import { selectVariantSpec } from '../../fixtures/tools/empty-enum.ts';
import { fileReadSpec } from '../../fixtures/tools/file-read.ts';
import { getTimeSpec, getTimeTool } from '../../fixtures/tools/get-time.ts';
import { getWeatherSpec } from '../../fixtures/tools/get-weather.ts';
import type { ChatResponse } from '../../harness/contract/chat.ts';
import { isVerifyError } from '../../harness/contract/verify-error.ts';
import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { modelCheck, protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { checkAllCalls, checkArguments, describeCalls, findTemplateMarkers, requireToolCall } from '../../harness/suite/call-checks.ts';
import { checkNoCalls, roundOf, runLoop } from '../../harness/suite/tool-loop.ts';
import { buildRequest } from '../../harness/suite/request.ts';

export const callTests: VerifyTestDefinition[] = [
  {
    id: 'tool_schema_accepted',
    description: 'A request declaring five tools with varied schemas (nested objects, arrays, enums, no properties) is accepted',
    requires: ['tools'],
    tags: ['tools', 'schema'],
    assertion: 'protocol',
    async run(context) {
      const tools = [calculatorSpec, getWeatherSpec, createEventSpec, getTimeSpec, fileReadSpec];
      // A rejection throws a VerifyError (e.g. invalid_request, layer protocol): that is the verdict.
      const response = await context.target.client.chat(buildRequest(context, 'Hello! In one sentence, what can you help me with?', { tools }), {
        signal: context.signal,
      });
      context.record('finishReason', response.rawFinishReason ?? response.finishReason);
      protocolCheck(response.finishReason !== 'error', `the response finished with an unknown reason: ${String(response.rawFinishReason)}`);
      protocolCheck(response.text !== '' || response.toolCalls.length > 0, 'the response has neither text nor tool calls');
      // Observation only (no verdict): whether an empty-enum schema is accepted. See fixtures/tools/empty-enum.ts.
      try {
        await context.target.client.chat(buildRequest(context, 'Say OK.', { tools: [selectVariantSpec], maxTokens: 8 }), { signal: context.signal });
        context.record('emptyEnumSchema', 'accepted');
      } catch (error) {
        if (context.signal.aborted) throw error;
        context.record('emptyEnumSchema', `rejected: ${isVerifyError(error) ? `${error.kind}: ${error.message}` : String(error)}`.slice(0, 300));
      }
    },
  },
  {
    id: 'single_tool_call',
    description: 'tool_choice "required" with calculator and get_weather: a call with valid, schema-conforming arguments; then (model) calculator with 12 * 7',
    requires: ['tools', 'tool_choice'],
    tags: ['tools'],
    assertion: 'protocol',
    async run(context) {
      const tools = [calculatorSpec, getWeatherSpec];
      const response = await context.target.client.chat(
        buildRequest(context, 'Use the calculator tool to compute 12 * 7.', { tools, toolChoice: 'required' }),
        { signal: context.signal },
      );
      context.record('toolCalls', describeCalls(response.toolCalls));
      const call = requireToolCall(response, 'tool_choice "required"');
      checkAllCalls(response.toolCalls, tools);
      // Model behaviour from here on: which tool, and whether the expression is right.
      modelCheck(call.name === 'calculator', `the model chose ${call.name}, expected calculator`);
      const expression = String(checkArguments(call, calculatorSpec).expression);
      let value: number | undefined;
      try {
        value = evaluateArithmetic(expression);
      } catch {
        value = undefined;
      }
      modelCheck(value === 84, `calculator expression ${JSON.stringify(expression)} evaluates to ${String(value)}, expected 84`);
    },
  },
  {
    id: 'no_arguments_tool',
    description: 'A tool with no parameters: the call carries an empty JSON object (or nothing), and its result is accepted back',
    requires: ['tools', 'tool_choice', 'tool_choice_none'],
    tags: ['tools', 'schema'],
    assertion: 'protocol',
    async run(context) {
      const result = await runLoop(context, buildRequest(context, 'What time is it? Use the get_time tool.'), [getTimeTool], [{ name: 'get_time' }, 'none']);
      const first = roundOf(result, 1);
      const call = requireToolCall(first.response, 'tool_choice named get_time');
      context.record('argumentsText', call.argumentsText);
      protocolCheck(call.name === 'get_time', `tool_choice named get_time, but the call is to ${call.name}`);
      checkAllCalls(first.response.toolCalls, [getTimeSpec]);
      checkNoCalls(roundOf(result, 2), 'tool_choice "none" after the tool result');
    },
  },
  {
    id: 'complex_schema',
    description: 'create_event (nested objects, an array of objects, an enum): arguments pass the schema (ajv); then (model) the values match the prompt',
    requires: ['tools', 'tool_choice'],
    tags: ['tools', 'schema'],
    assertion: 'protocol',
    async run(context) {
      const prompt =
        'Create a calendar event titled "Quarterly review" with high priority in Berlin, room 4.01, ' +
        'and invite Ada Lovelace (ada@example.com) and Alan Turing (alan@example.com).';
      const response = await context.target.client.chat(
        buildRequest(context, prompt, { tools: [createEventSpec], toolChoice: { name: 'create_event' }, maxTokens: 256 }),
        { signal: context.signal },
      );
      context.record('toolCalls', describeCalls(response.toolCalls));
      const call = requireToolCall(response, 'tool_choice named create_event');
      protocolCheck(call.name === 'create_event', `tool_choice named create_event, but the call is to ${call.name}`);
      const args = checkArguments(call, createEventSpec) as {
        attendees: Array<{ email: string }>;
        priority: string;
        location: { city: string };
      };
      modelCheck(args.priority === 'high', `priority is ${args.priority}, expected high`);
      modelCheck(args.attendees.length === 2, `${args.attendees.length} attendee(s), expected 2`);
      const emails = args.attendees.map((attendee) => attendee.email.toLowerCase()).sort();
      modelCheck(emails.join() === 'ada@example.com,alan@example.com', `attendee emails ${emails.join(', ')}`);
      modelCheck(/berlin/i.test(args.location.city), `location city ${args.location.city}, expected Berlin`);
    },
  },
  {
    id: 'no_leaked_template_tokens',
    description: 'Text content never contains chat-template or tool-call markup (<tool_call>, <|im_start|>, [TOOL_CALLS], <|python_tag|>, <function=, ...)',
    requires: ['tools'],
    tags: ['tools', 'parsing'],
    assertion: 'protocol',
    async run(context) {
      const responses: Array<[string, ChatResponse]> = [];
      const tools = [calculatorSpec, getWeatherSpec];
      const ask = async (label: string, prompt: string, toolChoice?: 'required') => {
        const request = buildRequest(context, prompt, toolChoice ? { tools, toolChoice } : { tools });
        responses.push([label, await context.target.client.chat(request, { signal: context.signal })]);
      };
      await ask('auto', 'What is 15 * 4? Use the calculator tool.');
      await ask('auto-weather', 'What is the weather in London?');
      if (context.target.capabilities.tool_choice !== false) await ask('required', 'What is the weather in Tokyo?', 'required');
      const leaks: string[] = [];
      for (const [label, response] of responses) {
        const markers = findTemplateMarkers(`${response.text}\n${response.reasoning ?? ''}`);
        if (markers.length > 0) leaks.push(`${label}: ${markers.join(', ')} in ${JSON.stringify(response.text.slice(0, 200))}`);
      }
      context.record('responses', responses.map(([label, response]) => ({ label, text: response.text.slice(0, 200), calls: describeCalls(response.toolCalls) })));
      protocolCheck(leaks.length === 0, `template markup leaked into text content (the server did not parse it as a tool call): ${leaks.join(' | ')}`);
    },
  },
];
