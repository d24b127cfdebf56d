import type { CountTokensResponse, EmbedContentResponse, GenerateContentResponse, GenerateContentResponseUsageMetadata, Part } from '@google/genai';
import type { EmbedResponse, TokenCount } from '../../contract/protocol-client.ts';
import type { ChatResponse } from '../../contract/chat.ts';
import type { ToolCall } from '../../contract/messages.ts';
import type { Usage } from '../../contract/usage.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { geminiFinishReason } from './finish-reason.ts';
import type { CallIdRegistry } from './call-ids.ts';

/**
 * Gemini counts thinking tokens apart (thoughtsTokenCount) and bills them as output; they are
 * added to `output`, so input + output = total as for the other protocols.
 */
export function fromGeminiUsage(usage: GenerateContentResponseUsageMetadata | undefined): Usage | undefined {
  if (!usage) return undefined;
  const candidates = usage.candidatesTokenCount;
  const thoughts = usage.thoughtsTokenCount;
  const output = candidates === undefined && thoughts === undefined ? undefined : (candidates ?? 0) + (thoughts ?? 0);
  const mapped: Usage = { input: usage.promptTokenCount, output, total: usage.totalTokenCount };
  if (typeof usage.cachedContentTokenCount === 'number') mapped.cachedInput = usage.cachedContentTokenCount;
  if (typeof thoughts === 'number') mapped.reasoning = thoughts;
  return mapped;
}

/** countTokens' totalTokens; an answer without one breaks the protocol. */
export function fromCountTokensResponse(response: CountTokensResponse): TokenCount {
  if (typeof response.totalTokens !== 'number') throw new VerifyError({ kind: 'unknown', layer: 'protocol', message: 'gemini countTokens: no numeric totalTokens in the answer' });
  return { input: response.totalTokens };
}

/** embedContent's vectors, one per input in order; a count that differs from the inputs breaks the protocol. */
export function fromEmbedContentResponse(response: EmbedContentResponse, inputs: number): EmbedResponse {
  const vectors = (response.embeddings ?? []).map((embedding) => embedding.values ?? []);
  if (vectors.length !== inputs) throw new VerifyError({ kind: 'unknown', layer: 'protocol', message: `gemini embedContent: ${vectors.length} embeddings for ${inputs} inputs` });
  return { vectors };
}

export interface GeminiParts {
  text: string;
  reasoning: string;
  toolCalls: ToolCall[];
}

/** Splits parts into answer text, thought summaries (`thought: true`) and function calls. */
export function fromGeminiParts(parts: Part[], ids: CallIdRegistry): GeminiParts {
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCall[] = [];
  for (const part of parts) {
    if (part.functionCall) {
      const id = ids.assign(part.functionCall.id, part.thoughtSignature);
      toolCalls.push({ ...id, name: part.functionCall.name ?? '', argumentsText: JSON.stringify(part.functionCall.args ?? {}) });
    } else if (typeof part.text === 'string') {
      if (part.thought) reasoning += part.text;
      else text += part.text;
    }
  }
  return { text, reasoning, toolCalls };
}

/**
 * Maps a generateContent response. A prompt blocked before generation comes back without
 * candidates but with promptFeedback.blockReason: that is a content_filter finish, not a crash.
 */
export function fromGenerateContentResponse(response: GenerateContentResponse, ids: CallIdRegistry): ChatResponse {
  const candidate = response.candidates?.[0];
  const usage = fromGeminiUsage(response.usageMetadata);
  if (!candidate) {
    const blocked = response.promptFeedback?.blockReason;
    if (blocked) return { text: '', toolCalls: [], finishReason: 'content_filter', rawFinishReason: blocked, usage, id: response.responseId, model: response.modelVersion };
    throw new VerifyError({ kind: 'unknown', layer: 'protocol', message: 'gemini: response has no candidates and no block reason' });
  }
  const { text, reasoning, toolCalls } = fromGeminiParts(candidate.content?.parts ?? [], ids);
  return {
    text,
    reasoning: reasoning === '' ? undefined : reasoning,
    toolCalls,
    finishReason: geminiFinishReason(candidate.finishReason, toolCalls.length > 0),
    rawFinishReason: candidate.finishReason,
    usage,
    id: response.responseId,
    model: response.modelVersion,
  };
}
