import type { Message as AnthropicMessage } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ChatResponse } from '../../contract/chat.ts';
import type { ToolCall } from '../../contract/messages.ts';
import type { Usage } from '../../contract/usage.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { anthropicFinishReason } from './finish-reason.ts';

export interface AnthropicUsageLike {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}

/**
 * Anthropic's input_tokens counts only the prompt tokens neither read from nor written to the
 * cache; the whole prompt is input + cache_read + cache_creation (llama-server reports e.g.
 * input_tokens 1, cache_read_input_tokens 26). `input` here is that whole prompt, comparable
 * with OpenAI's prompt_tokens. Anthropic reports no total, so `total` stays absent (a computed
 * one would make total = input + output a tautology).
 */
export function fromAnthropicUsage(usage: AnthropicUsageLike | null | undefined): Usage | undefined {
  if (!usage) return undefined;
  const uncached = usage.input_tokens ?? undefined;
  const input = uncached === undefined ? undefined : uncached + (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0);
  const output = usage.output_tokens ?? undefined;
  const cached = usage.cache_read_input_tokens ?? undefined;
  return { input, output, ...(cached !== undefined && input !== undefined ? { cachedInput: cached } : {}) };
}

/** tool_use.input (a parsed object) back to the raw arguments text the contract carries. */
export function toolInputText(input: unknown): string {
  return input === undefined ? '' : JSON.stringify(input);
}

/** Maps an Anthropic message to the contract. Stop reasons go through the shared table. */
export function fromAnthropicMessage(message: AnthropicMessage): ChatResponse {
  if (!Array.isArray(message.content)) {
    throw new VerifyError({ kind: 'unknown', layer: 'protocol', message: 'anthropic-messages: response has no content array' });
  }
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCall[] = [];
  for (const block of message.content) {
    if (block.type === 'text') text += block.text;
    else if (block.type === 'thinking') reasoning += block.thinking;
    else if (block.type === 'tool_use') toolCalls.push({ ...(block.id ? { id: block.id } : {}), name: block.name, argumentsText: toolInputText(block.input) });
  }
  return {
    text,
    reasoning: reasoning === '' ? undefined : reasoning,
    toolCalls,
    finishReason: anthropicFinishReason(message.stop_reason),
    rawFinishReason: message.stop_reason ?? undefined,
    usage: fromAnthropicUsage(message.usage),
    id: message.id,
    model: message.model,
  };
}
