import type { ChatCompletionContentPart, ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam, ChatCompletionToolChoiceOption, ChatCompletionTool } from 'openai/resources/chat/completions';
import type { ResponseFormatJSONObject, ResponseFormatJSONSchema } from 'openai/resources/shared';
import type { ChatRequest, ResponseFormat } from '../../contract/chat.ts';
import type { Attachment, Message, UserMessage } from '../../contract/messages.ts';
import { dataUrl } from '../shared/attachments.ts';
import type { ToolChoice, ToolSpec } from '../../contract/tools.ts';
import { wireCallId } from '../shared/wire-call-id.ts';

export function toOpenAIMessage(message: Message): ChatCompletionMessageParam {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: message.content };
    case 'user':
      return message.attachments?.length ? { role: 'user', content: toOpenAIUserParts(message) } : { role: 'user', content: message.content };
    case 'assistant':
      return message.toolCalls && message.toolCalls.length > 0
        ? {
            role: 'assistant',
            content: message.content === '' ? null : message.content,
            tool_calls: message.toolCalls.map((call) => ({
              id: wireCallId('openai-chat', call.id, `tool call ${call.name}`),
              type: 'function' as const,
              function: { name: call.name, arguments: call.argumentsText },
            })),
          }
        : { role: 'assistant', content: message.content };
    case 'tool':
      return { role: 'tool', tool_call_id: wireCallId('openai-chat', message.toolCallId, `the ${message.name} result`), content: message.content };
  }
}

/** An image as an image_url part (a data URL), a PDF as a file part (file_data), then the text. */
export function toOpenAIAttachmentPart(attachment: Attachment): ChatCompletionContentPart {
  return attachment.kind === 'image'
    ? { type: 'image_url', image_url: { url: dataUrl(attachment) } }
    : { type: 'file', file: { filename: attachment.filename, file_data: dataUrl(attachment) } };
}

function toOpenAIUserParts(message: UserMessage): ChatCompletionContentPart[] {
  const parts = (message.attachments ?? []).map(toOpenAIAttachmentPart);
  if (message.content !== '') parts.push({ type: 'text', text: message.content });
  return parts;
}

/** response_format: json_schema (strict: the server is asked to enforce the schema) or json_object. */
export function toOpenAIResponseFormat(format: ResponseFormat): ResponseFormatJSONSchema | ResponseFormatJSONObject {
  return format.type === 'json_object' ? { type: 'json_object' } : { type: 'json_schema', json_schema: { name: format.name, schema: format.schema, strict: true } };
}

export function toOpenAITools(tools: ToolSpec[]): ChatCompletionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}

export function toOpenAIToolChoice(choice: ToolChoice): ChatCompletionToolChoiceOption {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

/** The body of POST /chat/completions for a normalized request (stream flag set by the caller). */
export function toChatCompletionParams(request: ChatRequest): ChatCompletionCreateParamsNonStreaming {
  const params: ChatCompletionCreateParamsNonStreaming = {
    model: request.model,
    messages: request.messages.map(toOpenAIMessage),
  };
  if (request.temperature !== undefined) params.temperature = request.temperature;
  if (request.topP !== undefined) params.top_p = request.topP;
  if (request.maxTokens !== undefined) {
    if (request.maxTokensField === 'max_completion_tokens') params.max_completion_tokens = request.maxTokens;
    else params.max_tokens = request.maxTokens;
  }
  if (request.stop !== undefined) params.stop = request.stop;
  if (request.seed !== undefined) params.seed = request.seed;
  if (request.tools && request.tools.length > 0) {
    params.tools = toOpenAITools(request.tools);
    if (request.parallelToolCalls !== undefined) params.parallel_tool_calls = request.parallelToolCalls;
  }
  if (request.toolChoice !== undefined) params.tool_choice = toOpenAIToolChoice(request.toolChoice);
  if (request.responseFormat !== undefined) params.response_format = toOpenAIResponseFormat(request.responseFormat);
  if (request.reasoning !== undefined) params.reasoning_effort = request.reasoning.effort;
  // cacheSystemPrompt: OpenAI caches prompt prefixes automatically; the wire has no breakpoint to send.
  return params;
}
