import { finishReasonMapper, type FinishReasonTable } from '../shared/finish-reason.ts';

/** Ollama's done_reason values (a call is reported as stop: tool_calls comes from the calls). */
export const FINISH_REASONS: FinishReasonTable = {
  stop: 'stop',
  length: 'length',
  load: 'stop',
  unload: 'stop',
};

export const ollamaFinishReason = finishReasonMapper(FINISH_REASONS);
