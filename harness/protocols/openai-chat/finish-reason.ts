import { finishReasonMapper, type FinishReasonTable } from '../shared/finish-reason.ts';

/** Chat Completions' finish_reason values. */
export const FINISH_REASONS: FinishReasonTable = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  content_filter: 'content_filter',
};

export const openAIChatFinishReason = finishReasonMapper(FINISH_REASONS);
