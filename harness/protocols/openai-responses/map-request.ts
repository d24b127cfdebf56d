import type { FunctionTool, ResponseCreateParamsNonStreaming, ResponseFormatTextConfig, ResponseInputContent, ResponseInputItem, ToolChoiceFunction, ToolChoiceOptions } from 'openai/resources/responses/responses';
import type { InputTokenCountParams } from 'openai/resources/responses/input-tokens';
import type { ChatRequest, ResponseFormat } from '../../contract/chat.ts';
import type { Attachment, Message, UserMessage } from '../../contract/messages.ts';
import { dataUrl } from '../shared/attachments.ts';
import { wireCallId } from '../shared/wire-call-id.ts';
import type { ToolChoice, ToolSpec } from '../../contract/tools.ts';
import { assertRepresentable as assertFieldsRepresentable, type Unrepresentable } from '../shared/unrepresentable.ts';

/**
 * Request fields the Responses API has no parameter for (the `openai` SDK's ResponseCreateParams
 * carries neither `stop` nor `seed`). The adapter refuses them instead of dropping them silently,
 * so a test that needs them gets a clear protocol-layer verdict. llama-server would pass them
 * through (it converts /v1/responses to a chat completion), but that is not the protocol.
 */
const UNREPRESENTABLE: Unrepresentable = [
  ['stop', 'stop'],
  ['seed', 'seed'],
];

export function assertRepresentable(request: ChatRequest): void {
  assertFieldsRepresentable(request, UNREPRESENTABLE, 'openai-responses', 'Responses API');
}

/** One normalized message as Responses input items (an assistant turn may become several). */
export function toResponseInputItems(message: Message): ResponseInputItem[] {
  switch (message.role) {
    case 'system':
      return [{ type: 'message', role: 'system', content: message.content }];
    case 'user':
      return [{ type: 'message', role: 'user', content: message.attachments?.length ? toResponsesUserContent(message) : message.content }];
    case 'assistant': {
      const items: ResponseInputItem[] = [];
      if (message.content !== '' || !message.toolCalls?.length) {
        items.push({ type: 'message', role: 'assistant', content: message.content });
      }
      for (const call of message.toolCalls ?? []) {
        items.push({ type: 'function_call', call_id: wireCallId('openai-responses', call.id, `tool call ${call.name}`), name: call.name, arguments: call.argumentsText });
      }
      return items;
    }
    case 'tool':
      return [{ type: 'function_call_output', call_id: wireCallId('openai-responses', message.toolCallId, `the ${message.name} result`), output: message.content }];
  }
}

/** An image as input_image (a data URL), a PDF as input_file (file_data). */
export function toResponsesAttachment(attachment: Attachment): ResponseInputContent {
  return attachment.kind === 'image'
    ? { type: 'input_image', image_url: dataUrl(attachment), detail: 'auto' }
    : { type: 'input_file', filename: attachment.filename, file_data: dataUrl(attachment) };
}

function toResponsesUserContent(message: UserMessage): ResponseInputContent[] {
  const parts = (message.attachments ?? []).map(toResponsesAttachment);
  if (message.content !== '') parts.push({ type: 'input_text', text: message.content });
  return parts;
}

/** text.format: json_schema (strict) or json_object. */
export function toResponsesTextFormat(format: ResponseFormat): ResponseFormatTextConfig {
  return format.type === 'json_object' ? { type: 'json_object' } : { type: 'json_schema', name: format.name, schema: format.schema, strict: true };
}

export function toResponsesTools(tools: ToolSpec[]): FunctionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    name: tool.name,
    description: tool.description,
    parameters: tool.parameters,
    strict: false,
  }));
}

export function toResponsesToolChoice(choice: ToolChoice): ToolChoiceOptions | ToolChoiceFunction {
  return typeof choice === 'string' ? choice : { type: 'function', name: choice.name };
}

/**
 * The body of POST /responses for a normalized request (stream flag set by the caller).
 * Leading system messages become `instructions`; a system message later in the conversation
 * stays in place as a system input item.
 */
export function toResponseCreateParams(request: ChatRequest): ResponseCreateParamsNonStreaming {
  assertRepresentable(request);
  let first = 0;
  const instructions: string[] = [];
  while (first < request.messages.length) {
    const message = request.messages[first];
    if (message?.role !== 'system') break;
    instructions.push(message.content);
    first += 1;
  }
  const params: ResponseCreateParamsNonStreaming = {
    model: request.model,
    input: request.messages.slice(first).flatMap(toResponseInputItems),
    // Stateless: the harness sends the whole conversation each turn and wants nothing stored.
    store: false,
  };
  if (instructions.length > 0) params.instructions = instructions.join('\n\n');
  if (request.temperature !== undefined) params.temperature = request.temperature;
  if (request.topP !== undefined) params.top_p = request.topP;
  if (request.maxTokens !== undefined) params.max_output_tokens = request.maxTokens;
  if (request.tools && request.tools.length > 0) {
    params.tools = toResponsesTools(request.tools);
    if (request.parallelToolCalls !== undefined) params.parallel_tool_calls = request.parallelToolCalls;
  }
  if (request.toolChoice !== undefined) params.tool_choice = toResponsesToolChoice(request.toolChoice);
  if (request.responseFormat !== undefined) params.text = { format: toResponsesTextFormat(request.responseFormat) };
  if (request.reasoning !== undefined) params.reasoning = { effort: request.reasoning.effort, summary: 'auto' };
  // cacheSystemPrompt: the Responses API caches prefixes automatically; nothing to send.
  return params;
}

/** The body of POST /responses/input_tokens: the same prompt, tools and format as the request would send. */
export function toInputTokenCountParams(request: ChatRequest): InputTokenCountParams {
  const { model, input, instructions, tools, text, reasoning } = toResponseCreateParams(request);
  const params: InputTokenCountParams = { model, input };
  if (instructions) params.instructions = instructions;
  if (tools) params.tools = tools;
  if (text) params.text = text;
  if (reasoning) params.reasoning = reasoning;
  return params;
}
