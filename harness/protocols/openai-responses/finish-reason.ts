import { finishReasonMapper, type FinishReasonTable } from '../shared/finish-reason.ts';

/** The Responses API's incomplete_details.reason values (a completed response is a stop or tool_calls). */
export const FINISH_REASONS: FinishReasonTable = {
  max_output_tokens: 'length',
  content_filter: 'content_filter',
};

export const openAIResponsesFinishReason = finishReasonMapper(FINISH_REASONS);
