import type { Message, ToolCall } from './messages.ts';
import type { ToolChoice, ToolSpec } from './tools.ts';
import type { Usage } from './usage.ts';
import type { JsonSchema } from './tools.ts';

/**
 * What the answer must look like: JSON that fits a schema (OpenAI json_schema, Anthropic
 * output_config.format, Gemini responseJsonSchema, Converse outputConfig.textFormat, Ollama format,
 * a grammar in-process), or any JSON object (a JSON mode, where the protocol has one).
 */
export type ResponseFormat =
  | { type: 'json_schema'; name: string; schema: JsonSchema }
  | { type: 'json_object' };

/** Asks a reasoning model to think first: an effort level, or a token budget where the protocol takes one. */
export interface ReasoningRequest {
  effort: 'low' | 'medium' | 'high';
  /** Thinking tokens (Anthropic budget_tokens, Gemini thinkingBudget); adapters derive one from effort when unset. */
  budgetTokens?: number;
}

export interface ChatRequest {
  model: string;
  messages: Message[];
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  stop?: string[];
  seed?: number;
  tools?: ToolSpec[];
  toolChoice?: ToolChoice;
  parallelToolCalls?: boolean;
  responseFormat?: ResponseFormat;
  reasoning?: ReasoningRequest;
  /**
   * Marks the leading system prompt as a cacheable prefix where the protocol needs an explicit
   * breakpoint (Anthropic cache_control, Converse cachePoint); protocols that cache automatically
   * (OpenAI, Gemini implicit caching, llama-server) send nothing for it.
   */
  cacheSystemPrompt?: boolean;
  /** Which request field carries maxTokens where a protocol has two (OpenAI chat); from a provider quirk. */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
}

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'error';

export interface ChatResponse {
  text: string;
  /** Reasoning/thinking text when the provider returns it separately. */
  reasoning?: string;
  toolCalls: ToolCall[];
  /** The normalized finish reason; absent when the wire carried none (never guessed). */
  finishReason?: FinishReason;
  /** The provider's own stop/finish reason string before normalization. */
  rawFinishReason?: string;
  usage?: Usage;
  id?: string;
  model?: string;
}
