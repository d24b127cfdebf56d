import type { FinishReason } from './chat.ts';
import type { Synthesized } from './messages.ts';
import type { Usage } from './usage.ts';
import type { VerifyError } from './verify-error.ts';

/** Which tool call a tool_call_* event belongs to: its position in the stream, and its wire id. */
interface ToolCallRef {
  /** 0-based position of the call among the stream's calls, in start order (the correlation key). */
  index: number;
  /** The call id as the wire carried it; absent when the server sent none. */
  id?: string;
  /** Present only when `id` was made up because the protocol has no call ids. */
  idSource?: Synthesized;
}

/**
 * Normalized streaming events. Every protocol adapter turns its SDK's stream into these.
 * `at` is a monotonic timestamp in milliseconds (performance.now()) taken when the event
 * was produced, for time-to-first-token and inter-token latency. `done` is emitted only when
 * the protocol's own terminal signal arrived (a finish_reason chunk, message_stop,
 * response.completed, messageStop + metadata, finishReason, done:true); a stream that ends
 * without it throws a protocol-layer VerifyError (kind incomplete_stream) instead.
 */
export type StreamEvent =
  | { type: 'start'; at: number; id?: string; model?: string }
  | { type: 'text_delta'; at: number; text: string }
  | { type: 'reasoning_delta'; at: number; text: string }
  | ({ type: 'tool_call_start'; at: number; name: string } & ToolCallRef)
  | ({ type: 'tool_call_delta'; at: number; argumentsDelta: string } & ToolCallRef)
  /** `arguments` is the parsed JSON; `argumentsText` the assembled raw text; parseError when invalid. */
  | ({ type: 'tool_call_end'; at: number; name: string; argumentsText: string; arguments?: unknown; parseError?: string } & ToolCallRef)
  | { type: 'usage'; at: number; usage: Usage }
  /** The terminal signal arrived; finishReason is absent when it carried no reason. */
  | { type: 'done'; at: number; finishReason?: FinishReason; rawFinishReason?: string }
  | { type: 'error'; at: number; error: VerifyError }
  /** Emitted by the tool loop around each model turn. */
  | { type: 'round_start'; at: number; round: number }
  | { type: 'round_end'; at: number; round: number };

export type StreamEventType = StreamEvent['type'];
