import { finishReasonMapper, type FinishReasonTable } from '../shared/finish-reason.ts';

/** The Messages API's stop_reason values. */
export const FINISH_REASONS: FinishReasonTable = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
  pause_turn: 'stop',
  model_context_window_exceeded: 'length',
};

export const anthropicFinishReason = finishReasonMapper(FINISH_REASONS);
