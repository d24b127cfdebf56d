import type { ChatResponse } from '../contract/chat.ts';
import type { ToolCall } from '../contract/messages.ts';
import type { ToolSpec } from '../contract/tools.ts';
import { createArgumentValidator } from '../tool-loop/validate-arguments.ts';
import { parserCheck, protocolCheck } from '../verdicts/check-failure.ts';

const show = (text: string, max = 200): string => JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);

/** A call's id as reported: the wire id, `(no id)`, or the made-up id marked `(synthesized)`. */
export function describeCallId(call: Pick<ToolCall, 'id' | 'idSource'>): string {
  if (call.id === undefined) return '(no id)';
  return call.idSource === 'synthesized' ? `${call.id}(synthesized)` : call.id;
}

export function describeCalls(calls: readonly ToolCall[]): string {
  return calls.length === 0 ? 'no tool calls' : calls.map((call) => `${call.name}(${call.argumentsText})#${describeCallId(call)}`).join(', ');
}

/** Protocol: the response carries at least one tool call (tool_choice required/named demands it). */
export function requireToolCall(response: ChatResponse, why: string): ToolCall {
  const first = response.toolCalls[0];
  protocolCheck(first, `${why}, but the response has no tool call (finish ${response.rawFinishReason ?? response.finishReason}, text ${show(response.text)})`);
  return first;
}

/**
 * Protocol: every call has a name and the id the server sent is non-empty and unique within the
 * response. A synthesized id (the protocol has no call ids) is the adapter's, not the server's:
 * nothing about the server's ids can be judged from it, so it is skipped.
 */
export function checkCallIds(calls: readonly ToolCall[]): void {
  const seen = new Set<string>();
  for (const call of calls) {
    protocolCheck(call.name.trim() !== '', `tool call ${describeCallId(call)} has an empty name`);
    if (call.idSource === 'synthesized') continue;
    protocolCheck(call.id !== undefined, `tool call ${call.name} came without an id (the protocol defines one): ${describeCalls(calls)}`);
    protocolCheck(call.id.trim() !== '', `tool call ${call.name} has an empty id`);
    protocolCheck(!seen.has(call.id), `tool call id ${call.id} appears twice in one response: ${describeCalls(calls)}`);
    seen.add(call.id);
  }
}

/** Protocol: under tool_choice required/named the server must not invent tools that were not declared. */
export function checkDeclaredNames(calls: readonly ToolCall[], tools: readonly ToolSpec[]): void {
  const names = new Set(tools.map((tool) => tool.name));
  for (const call of calls) {
    protocolCheck(names.has(call.name), `tool call names undeclared tool "${call.name}" (declared: ${[...names].join(', ')})`);
  }
}

/**
 * Parser: the arguments are valid JSON and pass the tool's JSON Schema (ajv). Returns the parsed
 * arguments. An empty text counts as {} (some providers send "" for a no-argument call).
 */
export function checkArguments(call: ToolCall, tool: ToolSpec): Record<string, unknown> {
  const outcome = createArgumentValidator(tool.parameters).validate(call.argumentsText);
  parserCheck(outcome.status !== 'invalid_json', `${call.name} arguments are not valid JSON: ${show(call.argumentsText)} (${outcome.errors.join('; ')})`);
  parserCheck(
    typeof outcome.arguments === 'object' && outcome.arguments !== null && !Array.isArray(outcome.arguments),
    `${call.name} arguments are not a JSON object: ${show(call.argumentsText)}`,
  );
  parserCheck(outcome.status !== 'schema_violation', `${call.name} arguments violate the schema: ${outcome.errors.join('; ')} in ${show(call.argumentsText)}`);
  return outcome.arguments as Record<string, unknown>;
}

const specByName = (tools: readonly ToolSpec[], name: string): ToolSpec => {
  const spec = tools.find((tool) => tool.name === name);
  protocolCheck(spec, `tool call names undeclared tool "${name}"`);
  return spec;
};

/** Every call: id, declared name, JSON arguments passing the schema (protocol, then parser). */
export function checkAllCalls(calls: readonly ToolCall[], tools: readonly ToolSpec[]): void {
  checkCallIds(calls);
  checkDeclaredNames(calls, tools);
  for (const call of calls) checkArguments(call, specByName(tools, call.name));
}

/** Chat-template and tool-call markup that must never reach the text content. */
export const TEMPLATE_MARKERS: readonly RegExp[] = [
  /<\/?tool_call>/,
  /<\|im_start\|>/,
  /<\|im_end\|>/,
  /\[TOOL_CALLS\]/,
  /<\|python_tag\|>/,
  /<function=/,
  /<\|(start_header_id|end_header_id|eot_id|eom_id)\|>/,
  /<\|tool_calls?_(begin|end|section_begin)\|>/,
];

/** The markers found in a text (empty when clean). */
export function findTemplateMarkers(text: string): string[] {
  const found: string[] = [];
  for (const marker of TEMPLATE_MARKERS) {
    const match = marker.exec(text);
    if (match) found.push(match[0]);
  }
  return found;
}

/** Numbers written in a text (e.g. a tool result), as strings: "17", "73.4". */
export function numbersIn(text: string): string[] {
  return [...text.matchAll(/-?\d+(?:\.\d+)?/g)].map((match) => match[0]);
}
