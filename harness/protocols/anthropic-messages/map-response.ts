import type { Message as AnthropicMessage } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ChatResponse } from '../../contract/chat.ts';
import type { ToolCall } from '../../contract/messages.ts';
import type { Usage } from '../../contract/usage.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { normalizeFinishReason } from '../shared/finish-reason.ts';

/**
 * Anthropic reports input and output tokens but no total: the total here is their sum, computed
 * by the adapter (undefined unless both are reported).
 */
export function fromAnthropicUsage(usage: { input_tokens?: number | null; output_tokens?: number | null } | null | undefined): Usage | undefined {
  if (!usage) return undefined;
  const input = usage.input_tokens ?? undefined;
  const output = usage.output_tokens ?? undefined;
  const total = input !== undefined && output !== undefined ? input + output : undefined;
  return { input, output, total };
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
    else if (block.type === 'tool_use') toolCalls.push({ id: block.id, name: block.name, argumentsText: toolInputText(block.input) });
  }
  return {
    text,
    reasoning: reasoning === '' ? undefined : reasoning,
    toolCalls,
    finishReason: normalizeFinishReason(message.stop_reason),
    rawFinishReason: message.stop_reason ?? undefined,
    usage: fromAnthropicUsage(message.usage),
    id: message.id,
    model: message.model,
  };
}
