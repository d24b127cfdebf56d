import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { ChatResponse } from '../../contract/chat.ts';
import type { ToolCall } from '../../contract/messages.ts';
import type { Usage } from '../../contract/usage.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { openAIChatFinishReason } from './finish-reason.ts';

export function fromOpenAIUsage(
  usage: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number; prompt_tokens_details?: { cached_tokens?: number } | null } | null | undefined,
): Usage | undefined {
  if (!usage) return undefined;
  const cached = usage.prompt_tokens_details?.cached_tokens;
  return { input: usage.prompt_tokens, output: usage.completion_tokens, total: usage.total_tokens, ...(typeof cached === 'number' ? { cachedInput: cached } : {}) };
}

/** Maps a chat completion to the contract. A response without choices is a protocol failure. */
export function fromChatCompletion(completion: ChatCompletion): ChatResponse {
  const choice = completion.choices?.[0];
  if (!choice) {
    throw new VerifyError({ kind: 'unknown', layer: 'protocol', message: 'openai-chat: response has no choices' });
  }
  const message = choice.message;
  const toolCalls: ToolCall[] = [];
  for (const call of message.tool_calls ?? []) {
    if (call.type === 'function') {
      // The id exactly as sent: a server that leaves it out gets a call without one (never invented).
      toolCalls.push({ ...(call.id ? { id: call.id } : {}), name: call.function.name, argumentsText: call.function.arguments ?? '' });
    }
  }
  // llama-server and some OpenAI-compatible servers put thinking into a non-standard field.
  const reasoning = (message as { reasoning_content?: unknown }).reasoning_content;
  return {
    text: message.content ?? '',
    reasoning: typeof reasoning === 'string' && reasoning !== '' ? reasoning : undefined,
    toolCalls,
    finishReason: openAIChatFinishReason(choice.finish_reason),
    rawFinishReason: choice.finish_reason ?? undefined,
    usage: fromOpenAIUsage(completion.usage),
    id: completion.id,
    model: completion.model,
  };
}
