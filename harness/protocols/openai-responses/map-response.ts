import type { Response, ResponseUsage } from 'openai/resources/responses/responses';
import type { ChatResponse, FinishReason } from '../../contract/chat.ts';
import type { ToolCall } from '../../contract/messages.ts';
import type { Usage } from '../../contract/usage.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { openAIResponsesFinishReason } from './finish-reason.ts';

export function fromResponsesUsage(usage: Partial<ResponseUsage> | null | undefined): Usage | undefined {
  if (!usage) return undefined;
  const cached = usage.input_tokens_details?.cached_tokens;
  return { input: usage.input_tokens, output: usage.output_tokens, total: usage.total_tokens, ...(typeof cached === 'number' ? { cachedInput: cached } : {}) };
}

/**
 * The Responses API has no finish_reason: it reports `status` and, when incomplete,
 * `incomplete_details.reason`. The raw reason we keep is the most specific of the two.
 */
export function responseFinish(
  response: Pick<Response, 'status' | 'incomplete_details' | 'error'>,
  hasToolCalls: boolean,
): { finishReason: FinishReason | undefined; rawFinishReason: string | undefined } {
  const status = response.status;
  if (status === 'incomplete') {
    const reason = response.incomplete_details?.reason;
    return { finishReason: reason ? openAIResponsesFinishReason(reason) : 'length', rawFinishReason: reason ?? status };
  }
  if (status === 'completed') return { finishReason: hasToolCalls ? 'tool_calls' : 'stop', rawFinishReason: status };
  // No status at all: nothing to normalize (absent stays absent).
  if (status === undefined || status === null) return { finishReason: undefined, rawFinishReason: undefined };
  // failed, cancelled, in_progress, queued: not a normal end of a turn.
  return { finishReason: 'error', rawFinishReason: response.error?.code ?? status };
}

/** Maps a Responses API response to the contract. */
export function fromResponse(response: Response): ChatResponse {
  if (!Array.isArray(response.output)) {
    throw new VerifyError({ kind: 'unknown', layer: 'protocol', message: 'openai-responses: response has no output array' });
  }
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCall[] = [];
  for (const item of response.output) {
    if (item.type === 'message') {
      for (const part of item.content) if (part.type === 'output_text') text += part.text;
    } else if (item.type === 'function_call') {
      // call_id exactly as sent (the id a function_call_output answers): absent stays absent.
      toolCalls.push({ ...(item.call_id ? { id: item.call_id } : {}), name: item.name, argumentsText: item.arguments ?? '' });
    } else if (item.type === 'reasoning') {
      for (const part of item.content ?? []) reasoning += part.text;
    }
  }
  const finish = responseFinish(response, toolCalls.length > 0);
  return {
    text,
    reasoning: reasoning === '' ? undefined : reasoning,
    toolCalls,
    finishReason: finish.finishReason,
    rawFinishReason: finish.rawFinishReason,
    usage: fromResponsesUsage(response.usage),
    id: response.id,
    model: response.model,
  };
}
