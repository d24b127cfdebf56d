import type { ChatRequest as OllamaChatRequest, Message as OllamaMessage, Options, Tool, ToolCall as OllamaToolCall } from 'ollama';
import type { EmbedRequest as OllamaEmbedRequest } from 'ollama';
import type { ChatRequest, ResponseFormat } from '../../contract/chat.ts';
import type { EmbedRequest } from '../../contract/protocol-client.ts';
import type { Message, ToolCall, UserMessage } from '../../contract/messages.ts';
import type { ToolSpec } from '../../contract/tools.ts';
import { VerifyError, unrepresentable } from '../../contract/verify-error.ts';

/**
 * Fields the Ollama server accepts that the npm package's types omit: a tool call's `id`
 * (server api.ToolCall.ID) and a tool result's `tool_call_id` (api.Message.ToolCallID).
 */
export type OllamaWireToolCall = OllamaToolCall & { id?: string; function: OllamaToolCall['function'] & { index?: number } };
export type OllamaWireMessage = Omit<OllamaMessage, 'tool_calls'> & { tool_calls?: OllamaWireToolCall[]; tool_call_id?: string };
export type OllamaWireChatRequest = Omit<OllamaChatRequest, 'messages'> & { messages: OllamaWireMessage[] };

function invalid(message: string): VerifyError {
  return new VerifyError({ kind: 'invalid_request', layer: 'protocol', message: `ollama-native: ${message}` });
}

/** An id to send back only when the server sent it (a synthesized one means the protocol pairs by name and order). */
const wireId = (id: string | undefined, synthesized: boolean): string | undefined => (id !== undefined && id !== '' && !synthesized ? id : undefined);

/** Ollama wants tool-call arguments as a JSON object, not text. */
export function toOllamaArguments(call: ToolCall): Record<string, unknown> {
  if (call.argumentsText.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(call.argumentsText);
  } catch {
    throw invalid(`tool call ${call.id ?? '(no id)'} (${call.name}) has arguments that are not JSON; Ollama needs an object`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalid(`tool call ${call.id ?? '(no id)'} (${call.name}) has arguments that are not a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

export function toOllamaMessage(message: Message): OllamaWireMessage {
  switch (message.role) {
    case 'system':
      return { role: message.role, content: message.content };
    case 'user':
      return message.attachments?.length ? { role: 'user', content: message.content, images: toOllamaImages(message) } : { role: 'user', content: message.content };
    case 'assistant':
      return message.toolCalls && message.toolCalls.length > 0
        ? {
            role: 'assistant',
            content: message.content,
            tool_calls: message.toolCalls.map((call) => {
              const id = wireId(call.id, call.idSource === 'synthesized');
              return { ...(id !== undefined ? { id } : {}), function: { name: call.name, arguments: toOllamaArguments(call) } };
            }),
          }
        : { role: 'assistant', content: message.content };
    case 'tool':
      return { role: 'tool', content: message.content, tool_name: message.name, ...(wireId(message.toolCallId, message.toolCallIdSource === 'synthesized') !== undefined ? { tool_call_id: message.toolCallId } : {}) };
  }
}

/** Images go in the message's `images` (base64); the native API has no document part, so a PDF is refused. */
export function toOllamaImages(message: UserMessage): string[] {
  return (message.attachments ?? []).map((attachment) => {
    if (attachment.kind !== 'image') throw unrepresentable(`ollama-native: /api/chat has no document input; cannot send ${attachment.mediaType}`);
    return attachment.data;
  });
}

/** `format`: a JSON schema object, or "json" for JSON mode. */
export function toOllamaFormat(format: ResponseFormat): string | Record<string, unknown> {
  return format.type === 'json_object' ? 'json' : format.schema;
}

export function toOllamaTools(tools: ToolSpec[]): Tool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters as NonNullable<Tool['function']['parameters']> },
  }));
}

/** Sampling options; Ollama calls max tokens `num_predict`. */
export function toOllamaOptions(request: ChatRequest): Partial<Options> | undefined {
  const options: Partial<Options> = {};
  if (request.temperature !== undefined) options.temperature = request.temperature;
  if (request.topP !== undefined) options.top_p = request.topP;
  if (request.seed !== undefined) options.seed = request.seed;
  if (request.maxTokens !== undefined) options.num_predict = request.maxTokens;
  if (request.stop !== undefined) options.stop = request.stop;
  return Object.keys(options).length > 0 ? options : undefined;
}

/**
 * The body of POST /api/chat (stream flag set by the caller). Ollama's native API has no
 * tool_choice: 'auto' is its only behaviour. 'none', 'required' or a named tool cannot be
 * expressed, so they are refused as unrepresentable (the test is unsupported on this protocol);
 * 'none' is never faked by dropping the tools, which would make "no calls" true by construction.
 */
export function toOllamaChatRequest(request: ChatRequest): OllamaWireChatRequest {
  const choice = request.toolChoice;
  if (choice !== undefined && choice !== 'auto') {
    const what = typeof choice === 'object' ? `a named tool (${choice.name})` : `"${choice}"`;
    throw unrepresentable(`ollama-native has no tool_choice: cannot send ${what}`);
  }
  const body: OllamaWireChatRequest = { model: request.model, messages: request.messages.map(toOllamaMessage) };
  if (request.tools && request.tools.length > 0) body.tools = toOllamaTools(request.tools);
  const options = toOllamaOptions(request);
  if (options) body.options = options;
  if (request.responseFormat !== undefined) body.format = toOllamaFormat(request.responseFormat);
  // `think` takes true or, for models with levels (gpt-oss), "low" | "medium" | "high"; true is the portable form.
  if (request.reasoning !== undefined) body.think = true;
  // cacheSystemPrompt: Ollama keeps the prompt prefix in its KV cache on its own; nothing to send.
  return body;
}

/** The body of POST /api/embed: every text in one call (the answer keeps their order). */
export function toOllamaEmbedRequest(request: EmbedRequest): OllamaEmbedRequest {
  return { model: request.model, input: request.input };
}
