import type { Message, ToolCall } from './messages.ts';
import type { ToolChoice, ToolSpec } from './tools.ts';
import type { Usage } from './usage.ts';

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
