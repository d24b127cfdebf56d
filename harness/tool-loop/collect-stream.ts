import type { ChatResponse } from '../contract/chat.ts';
import type { ToolCall } from '../contract/messages.ts';
import type { StreamEvent } from '../contract/stream.ts';
import { VerifyError } from '../contract/verify-error.ts';
import { now } from '../protocols/shared/time.ts';

export interface CollectedStream {
  /** The ChatResponse-equivalent assembled from the events. */
  response: ChatResponse;
  events: StreamEvent[];
  /** ms from `startedAt` to the first text_delta or tool_call_start; undefined when none came. */
  ttftMs?: number;
  /** ms from `startedAt` to the end of the iteration. */
  durationMs: number;
  sawDone: boolean;
}

type ToolEvent = Extract<StreamEvent, { type: 'tool_call_start' | 'tool_call_delta' | 'tool_call_end' }>;

const idOf = (event: ToolEvent): Pick<ToolCall, 'id' | 'idSource'> => ({
  ...(event.id !== undefined ? { id: event.id } : {}),
  ...(event.idSource !== undefined ? { idSource: event.idSource } : {}),
});

const toolCall = (event: ToolEvent & { name: string }, argumentsText: string): ToolCall => ({ ...idOf(event), name: event.name, argumentsText });

export interface CollectOptions {
  /** performance.now() taken just before the request was made. */
  startedAt: number;
  onEvent?: (event: StreamEvent) => void;
  /** Races each step of the iteration (e.g. a deadline); receives the pending next(). */
  race?: <T>(promise: Promise<T>) => Promise<T>;
  /** Throw the first `error` event's VerifyError (default true). */
  throwOnError?: boolean;
}

/**
 * Consumes normalized stream events into a ChatResponse. Tool calls come from tool_call_end
 * (id as the wire sent it, name, argumentsText), keyed by their stream index; a call that started
 * but never ended is assembled from its deltas. Adapters end a stream without their protocol's
 * terminal signal by throwing (protocol layer), so an iteration that ends without `done` is a
 * harness error.
 */
export async function collectStream(stream: AsyncIterable<StreamEvent>, options: CollectOptions): Promise<CollectedStream> {
  const events: StreamEvent[] = [];
  const race = options.race ?? (<T>(promise: Promise<T>) => promise);
  const open = new Map<number, ToolCall>();
  const ended: ToolCall[] = [];
  let text = '';
  let reasoning = '';
  let ttftMs: number | undefined;
  // No finish reason until a done event brings one (absence stays absence).
  const response: ChatResponse = { text: '', toolCalls: [] };
  let sawDone = false;
  const iterator = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      const step = await race(iterator.next());
      if (step.done) break;
      const event = step.value;
      events.push(event);
      options.onEvent?.(event);
      switch (event.type) {
        case 'start':
          if (event.id !== undefined) response.id = event.id;
          if (event.model !== undefined) response.model = event.model;
          break;
        case 'text_delta':
          ttftMs ??= event.at - options.startedAt;
          text += event.text;
          break;
        case 'reasoning_delta':
          reasoning += event.text;
          break;
        case 'tool_call_start':
          ttftMs ??= event.at - options.startedAt;
          open.set(event.index, toolCall(event, ''));
          break;
        case 'tool_call_delta': {
          const call = open.get(event.index);
          if (call) {
            call.argumentsText += event.argumentsDelta;
            if (call.id === undefined && event.id !== undefined) Object.assign(call, idOf(event));
          }
          break;
        }
        case 'tool_call_end':
          open.delete(event.index);
          ended.push(toolCall(event, event.argumentsText));
          break;
        case 'usage':
          response.usage = event.usage;
          break;
        case 'done':
          sawDone = true;
          if (event.finishReason !== undefined) response.finishReason = event.finishReason;
          if (event.rawFinishReason !== undefined) response.rawFinishReason = event.rawFinishReason;
          break;
        case 'error':
          if (options.throwOnError !== false) throw event.error;
          break;
        default:
          break;
      }
    }
  } catch (error) {
    void iterator.return?.()?.catch(() => undefined);
    throw error;
  }
  response.text = text;
  if (reasoning !== '') response.reasoning = reasoning;
  response.toolCalls = [...ended, ...open.values()];
  if (!sawDone && options.throwOnError !== false) {
    // Adapters throw when their protocol's terminal signal is missing; an iteration that ends
    // without done anyway is an adapter that broke that contract: our bug, not the endpoint's.
    throw new VerifyError({ kind: 'harness_bug', layer: 'harness', message: 'the adapter ended the stream without a done event or an error' });
  }
  return { response, events, ttftMs, durationMs: now() - options.startedAt, sawDone };
}
