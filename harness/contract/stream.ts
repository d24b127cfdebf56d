import type { FinishReason } from './chat.ts';
import type { Usage } from './usage.ts';
import type { VerifyError } from './verify-error.ts';

/**
 * Normalized streaming events. Every protocol adapter turns its SDK's stream into these.
 * `at` is a monotonic timestamp in milliseconds (performance.now()) taken when the event
 * was produced, for time-to-first-token and inter-token latency.
 */
export type StreamEvent =
  | { type: 'start'; at: number; id?: string; model?: string }
  | { type: 'text_delta'; at: number; text: string }
  | { type: 'reasoning_delta'; at: number; text: string }
  | { type: 'tool_call_start'; at: number; id: string; name: string }
  | { type: 'tool_call_delta'; at: number; id: string; argumentsDelta: string }
  /** `arguments` is the parsed JSON; `argumentsText` the assembled raw text; parseError when invalid. */
  | { type: 'tool_call_end'; at: number; id: string; name: string; argumentsText: string; arguments?: unknown; parseError?: string }
  | { type: 'usage'; at: number; usage: Usage }
  | { type: 'done'; at: number; finishReason: FinishReason; rawFinishReason?: string }
  | { type: 'error'; at: number; error: VerifyError }
  /** Emitted by the tool loop around each model turn. */
  | { type: 'round_start'; at: number; round: number }
  | { type: 'round_end'; at: number; round: number };

export type StreamEventType = StreamEvent['type'];
