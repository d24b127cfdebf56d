import { finishReasonMapper, type FinishReasonTable } from '../shared/finish-reason.ts';

/** Gemini's candidate finishReason values (a call is reported as STOP: tool_calls comes from the calls). */
export const FINISH_REASONS: FinishReasonTable = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content_filter',
  RECITATION: 'content_filter',
  PROHIBITED_CONTENT: 'content_filter',
  BLOCKLIST: 'content_filter',
  SPII: 'content_filter',
  MALFORMED_FUNCTION_CALL: 'error',
};

export const geminiFinishReason = finishReasonMapper(FINISH_REASONS);
