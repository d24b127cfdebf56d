import type {
  ContentBlockParam,
  MessageCountTokensParams,
  MessageCreateParamsNonStreaming,
  MessageParam,
  TextBlockParam,
  Tool,
  ToolChoice as AnthropicToolChoice,
  ToolResultBlockParam,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { ChatRequest, ReasoningRequest, ResponseFormat } from '../../contract/chat.ts';
import type { AssistantMessage, Attachment, Message, ToolCall, UserMessage } from '../../contract/messages.ts';
import { wireCallId } from '../shared/wire-call-id.ts';
import type { ToolChoice, ToolSpec } from '../../contract/tools.ts';
import { VerifyError, unrepresentable } from '../../contract/verify-error.ts';
import { assertRepresentable as assertFieldsRepresentable, type Unrepresentable } from '../shared/unrepresentable.ts';

/** Anthropic requires max_tokens; used when the request sets none. */
export const DEFAULT_MAX_TOKENS = 1024;

/**
 * Request fields the Messages API (version 2026-10-21, as typed by @anthropic-ai/sdk 1.x) has no
 * parameter for: `seed` never existed, and `temperature` / `top_p` are gone from this API version.
 * The adapter refuses them instead of dropping them silently (llama-server would still honour
 * temperature/top_p, but that is not the protocol).
 */
const UNREPRESENTABLE: Unrepresentable = [
  ['seed', 'seed'],
  ['temperature', 'temperature'],
  ['topP', 'top_p'],
];

export function assertRepresentable(request: ChatRequest): void {
  assertFieldsRepresentable(request, UNREPRESENTABLE, 'anthropic-messages', 'Messages API');
}

/** tool_use.input must be a JSON object; the contract keeps the raw text. Empty text means {}. */
export function toToolUseInput(call: ToolCall): Record<string, unknown> {
  if (call.argumentsText.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(call.argumentsText);
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new VerifyError({
      kind: 'invalid_request',
      layer: 'protocol',
      message: `anthropic-messages: tool call ${call.id} (${call.name}) has arguments that are not a JSON object; tool_use.input needs one`,
    });
  }
  return parsed as Record<string, unknown>;
}

function toAssistantParam(message: AssistantMessage): MessageParam {
  if (!message.toolCalls?.length) return { role: 'assistant', content: message.content };
  const blocks: ContentBlockParam[] = [];
  if (message.content !== '') blocks.push({ type: 'text', text: message.content });
  for (const call of message.toolCalls) {
    blocks.push({ type: 'tool_use', id: wireCallId('anthropic-messages', call.id, `tool call ${call.name}`), name: call.name, input: toToolUseInput(call) });
  }
  return { role: 'assistant', content: blocks };
}

/**
 * Normalized messages as Anthropic messages. Leading system messages go to the top-level
 * `system` (returned apart); a later system message stays in place as a system message.
 * Consecutive tool results become one user message of tool_result blocks.
 */
export function toAnthropicMessages(messages: Message[]): { system?: string; messages: MessageParam[] } {
  const system: string[] = [];
  const out: MessageParam[] = [];
  let results: ToolResultBlockParam[] | undefined;
  let leading = true;
  for (const message of messages) {
    if (message.role !== 'tool') results = undefined;
    if (message.role !== 'system') leading = false;
    switch (message.role) {
      case 'system':
        if (leading) system.push(message.content);
        else out.push({ role: 'system', content: message.content });
        break;
      case 'user':
        out.push({ role: 'user', content: message.attachments?.length ? toAnthropicUserBlocks(message) : message.content });
        break;
      case 'assistant':
        out.push(toAssistantParam(message));
        break;
      case 'tool': {
        const block: ToolResultBlockParam = { type: 'tool_result', tool_use_id: wireCallId('anthropic-messages', message.toolCallId, `the ${message.name} result`), content: message.content };
        if (message.isError) block.is_error = true;
        if (results) {
          results.push(block);
        } else {
          results = [block];
          out.push({ role: 'user', content: results });
        }
        break;
      }
    }
  }
  return system.length > 0 ? { system: system.join('\n\n'), messages: out } : { messages: out };
}

/** An image block or a document block (PDF), base64 sources, before the text. */
export function toAnthropicAttachment(attachment: Attachment): ContentBlockParam {
  return attachment.kind === 'image'
    ? { type: 'image', source: { type: 'base64', media_type: attachment.mediaType, data: attachment.data } }
    : { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: attachment.data }, title: attachment.filename };
}

function toAnthropicUserBlocks(message: UserMessage): ContentBlockParam[] {
  const blocks = (message.attachments ?? []).map(toAnthropicAttachment);
  if (message.content !== '') blocks.push({ type: 'text', text: message.content });
  return blocks;
}

/**
 * Structured outputs are `output_config.format` with a JSON schema (Messages API, per
 * platform.claude.com/docs/en/build-with-claude/structured-outputs and the SDK's OutputConfig).
 * The API has no schema-less JSON mode: json_object is refused (the test is unsupported).
 */
export function toAnthropicOutputFormat(format: ResponseFormat): NonNullable<MessageCreateParamsNonStreaming['output_config']> {
  if (format.type === 'json_object') throw unrepresentable('anthropic-messages: the Messages API has no JSON mode without a schema (output_config.format takes json_schema only)');
  return { format: { type: 'json_schema', schema: format.schema } };
}

/** Extended thinking needs a budget of at least 1024 tokens, below max_tokens (the SDK's ThinkingConfigEnabled). */
export const MIN_THINKING_BUDGET = 1024;

export function toAnthropicThinking(reasoning: ReasoningRequest): NonNullable<MessageCreateParamsNonStreaming['thinking']> {
  const byEffort = { low: MIN_THINKING_BUDGET, medium: 4096, high: 16_384 } as const;
  return { type: 'enabled', budget_tokens: Math.max(MIN_THINKING_BUDGET, reasoning.budgetTokens ?? byEffort[reasoning.effort]) };
}

/** The system prompt as one text block carrying a cache breakpoint (cache_control ephemeral). */
export function cachedSystem(system: string): TextBlockParam[] {
  return [{ type: 'text', text: system, cache_control: { type: 'ephemeral' } }];
}

export function toAnthropicTools(tools: ToolSpec[]): Tool[] {
  return tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: { ...tool.parameters, type: 'object' },
  }));
}

/** parallelToolCalls false → disable_parallel_tool_use (Anthropic's "at most one tool call"). */
export function toAnthropicToolChoice(choice: ToolChoice | undefined, parallelToolCalls?: boolean): AnthropicToolChoice | undefined {
  const single = parallelToolCalls === false ? { disable_parallel_tool_use: true } : {};
  if (choice === 'none') return { type: 'none' };
  if (choice === 'auto') return { type: 'auto', ...single };
  if (choice === 'required') return { type: 'any', ...single };
  if (choice !== undefined) return { type: 'tool', name: choice.name, ...single };
  return parallelToolCalls === false ? { type: 'auto', ...single } : undefined;
}

/** The body of POST /v1/messages for a normalized request (stream flag set by the caller). */
export function toMessageCreateParams(request: ChatRequest): MessageCreateParamsNonStreaming {
  assertRepresentable(request);
  const { system, messages } = toAnthropicMessages(request.messages);
  const params: MessageCreateParamsNonStreaming = {
    model: request.model,
    max_tokens: request.maxTokens ?? DEFAULT_MAX_TOKENS,
    messages,
  };
  if (system !== undefined) params.system = request.cacheSystemPrompt ? cachedSystem(system) : system;
  if (request.stop !== undefined) params.stop_sequences = request.stop;
  if (request.responseFormat !== undefined) params.output_config = toAnthropicOutputFormat(request.responseFormat);
  if (request.reasoning !== undefined) params.thinking = toAnthropicThinking(request.reasoning);
  const hasTools = request.tools !== undefined && request.tools.length > 0;
  if (hasTools) params.tools = toAnthropicTools(request.tools ?? []);
  const choice = toAnthropicToolChoice(request.toolChoice, hasTools ? request.parallelToolCalls : undefined);
  if (choice) params.tool_choice = choice;
  return params;
}

/** The body of POST /v1/messages/count_tokens: the prompt, system, tools and format the request would send. */
export function toCountTokensParams(request: ChatRequest): MessageCountTokensParams {
  const { model, messages, system, tools, tool_choice, output_config, thinking } = toMessageCreateParams(request);
  const params: MessageCountTokensParams = { model, messages };
  if (system !== undefined) params.system = system;
  if (tools !== undefined) params.tools = tools;
  if (tool_choice !== undefined) params.tool_choice = tool_choice;
  if (output_config !== undefined) params.output_config = output_config;
  if (thinking !== undefined) params.thinking = thinking;
  return params;
}
