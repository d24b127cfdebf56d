import { finishReasonMapper, type FinishReasonTable } from '../shared/finish-reason.ts';

/** node-llama-cpp's stopReason values (no wire: the library's own reasons). */
export const FINISH_REASONS: FinishReasonTable = {
  eogToken: 'stop',
  stopGenerationTrigger: 'stop',
  customStopTrigger: 'stop',
  maxTokens: 'length',
  functionCalls: 'tool_calls',
  abort: 'error',
};

export const embeddedFinishReason = finishReasonMapper(FINISH_REASONS);
