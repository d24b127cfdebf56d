import type { ContentBlock, ConverseResponse, TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import type { ChatResponse } from '../../contract/chat.ts';
import type { ToolCall } from '../../contract/messages.ts';
import type { Usage } from '../../contract/usage.ts';
import type { TokenCount } from '../../contract/protocol-client.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { bedrockFinishReason } from './finish-reason.ts';

export function fromBedrockUsage(usage: TokenUsage | undefined): Usage | undefined {
  if (!usage) return undefined;
  const read = usage.cacheReadInputTokens;
  const written = usage.cacheWriteInputTokens;
  // Like Anthropic's, Converse's inputTokens leaves out the tokens read from or written to the cache:
  // `input` is the whole prompt, so it compares with OpenAI's prompt_tokens.
  const input = usage.inputTokens === undefined ? undefined : usage.inputTokens + (read ?? 0) + (written ?? 0);
  const mapped: Usage = { input, output: usage.outputTokens, total: usage.totalTokens };
  if (typeof read === 'number') mapped.cachedInput = read;
  return mapped;
}

/** Collects text, reasoning and tool calls from the assistant's content blocks. */
export function fromConverseContent(blocks: ContentBlock[]): { text: string; reasoning: string; toolCalls: ToolCall[] } {
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCall[] = [];
  for (const block of blocks) {
    if (block.text !== undefined) text += block.text;
    else if (block.reasoningContent?.reasoningText?.text !== undefined) reasoning += block.reasoningContent.reasoningText.text;
    else if (block.toolUse) {
      toolCalls.push({
        // toolUseId exactly as sent: absent stays absent (Converse defines it; checks report it).
        ...(block.toolUse.toolUseId ? { id: block.toolUse.toolUseId } : {}),
        name: block.toolUse.name ?? '',
        // Converse returns the input as a parsed JSON document; the contract wants its text.
        argumentsText: JSON.stringify(block.toolUse.input ?? {}),
      });
    }
  }
  return { text, reasoning, toolCalls };
}

/**
 * Maps a Converse response to the contract. Converse returns no response id and does not echo the
 * model: `id` is the request id from the SDK's $metadata when the caller passes it.
 */
export function fromConverseResponse(response: ConverseResponse, requestId?: string): ChatResponse {
  const message = response.output?.message;
  if (!message) {
    throw new VerifyError({ kind: 'unknown', layer: 'protocol', message: 'bedrock-converse: response has no output message' });
  }
  const { text, reasoning, toolCalls } = fromConverseContent(message.content ?? []);
  return {
    text,
    reasoning: reasoning === '' ? undefined : reasoning,
    toolCalls,
    finishReason: bedrockFinishReason(response.stopReason),
    rawFinishReason: response.stopReason,
    usage: fromBedrockUsage(response.usage),
    id: requestId,
  };
}

/** CountTokens' answer; one without a numeric inputTokens breaks the protocol. */
export function fromCountTokens(response: { inputTokens?: number }): TokenCount {
  if (typeof response.inputTokens !== 'number') {
    throw new VerifyError({ kind: 'unknown', layer: 'protocol', message: 'bedrock-converse CountTokens: no numeric inputTokens in the answer' });
  }
  return { input: response.inputTokens };
}
