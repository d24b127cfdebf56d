import type { FinishReason } from '../../contract/chat.ts';

const TABLE: Record<string, FinishReason> = {
  // OpenAI chat / responses
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  content_filter: 'content_filter',
  max_output_tokens: 'length',
  // Anthropic
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
  pause_turn: 'stop',
  model_context_window_exceeded: 'length',
  // Bedrock Converse
  guardrail_intervened: 'content_filter',
  content_filtered: 'content_filter',
  // Gemini
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content_filter',
  RECITATION: 'content_filter',
  PROHIBITED_CONTENT: 'content_filter',
  BLOCKLIST: 'content_filter',
  SPII: 'content_filter',
  MALFORMED_FUNCTION_CALL: 'error',
  // Ollama
  load: 'stop',
  unload: 'stop',
};

/**
 * Normalizes a provider's finish/stop reason. `hasToolCalls` turns a plain stop into tool_calls
 * for protocols that do not say so themselves (Gemini, Ollama). Unknown reasons map to 'error'.
 */
export function normalizeFinishReason(raw: string | null | undefined, hasToolCalls = false): FinishReason {
  if (raw === null || raw === undefined || raw === '') return hasToolCalls ? 'tool_calls' : 'error';
  const mapped = TABLE[raw] ?? 'error';
  return mapped === 'stop' && hasToolCalls ? 'tool_calls' : mapped;
}
