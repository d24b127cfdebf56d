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
 * (id, name, argumentsText); a call that started but never ended is assembled from its deltas.
 * A stream that ends without `done` is a protocol failure.
 */
export async function collectStream(stream: AsyncIterable<StreamEvent>, options: CollectOptions): Promise<CollectedStream> {
  const events: StreamEvent[] = [];
  const race = options.race ?? (<T>(promise: Promise<T>) => promise);
  const open = new Map<string, ToolCall>();
  const ended: ToolCall[] = [];
  let text = '';
  let reasoning = '';
  let ttftMs: number | undefined;
  const response: ChatResponse = { text: '', toolCalls: [], finishReason: 'error' };
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
          open.set(event.id, { id: event.id, name: event.name, argumentsText: '' });
          break;
        case 'tool_call_delta': {
          const call = open.get(event.id);
          if (call) call.argumentsText += event.argumentsDelta;
          break;
        }
        case 'tool_call_end':
          open.delete(event.id);
          ended.push({ id: event.id, name: event.name, argumentsText: event.argumentsText });
          break;
        case 'usage':
          response.usage = event.usage;
          break;
        case 'done':
          sawDone = true;
          response.finishReason = event.finishReason;
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
    throw new VerifyError({ kind: 'unknown', layer: 'protocol', message: 'stream ended without a done event' });
  }
  return { response, events, ttftMs, durationMs: now() - options.startedAt, sawDone };
}
