import { finishReasonMapper, type FinishReasonTable } from '../shared/finish-reason.ts';

/** Converse's stopReason values. */
export const FINISH_REASONS: FinishReasonTable = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  tool_use: 'tool_calls',
  guardrail_intervened: 'content_filter',
  content_filtered: 'content_filter',
  model_context_window_exceeded: 'length',
};

export const bedrockFinishReason = finishReasonMapper(FINISH_REASONS);
