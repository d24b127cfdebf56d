import type { ResponseStreamEvent } from 'openai/resources/responses/responses';
import type { FinishReason } from '../../contract/chat.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError, type ErrorKind } from '../../contract/verify-error.ts';
import { now } from '../shared/time.ts';
import { layerOfKind } from '../shared/http-error.ts';
import { streamEndedWithout } from '../shared/stream-end.ts';
import { TERMINAL_SIGNAL } from './terminal-signal.ts';
import { ToolCallAssembler } from '../shared/tool-call-assembler.ts';
import { fromResponsesUsage, responseFinish } from './map-response.ts';

/** Error codes of the Responses API (ResponseError.code / ResponseErrorEvent.code) to error kinds. */
export function kindFromResponsesErrorCode(code: string | null | undefined): ErrorKind {
  const text = (code ?? '').toLowerCase();
  if (text.includes('rate_limit')) return 'rate_limit';
  if (text.includes('context_length')) return 'context_length';
  if (text.includes('model_not_found')) return 'model_not_found';
  if (text.startsWith('invalid') || text.includes('image')) return 'invalid_request';
  return 'server';
}

function streamError(code: string | null | undefined, message: string): VerifyError {
  const kind = kindFromResponsesErrorCode(code);
  return new VerifyError({
    kind,
    layer: layerOfKind(kind),
    message: `openai-responses stream: ${kind}${code ? ` (${code})` : ''}: ${message}`,
  });
}

/**
 * The key of one output item across its events: the item id (item.id on output_item events,
 * item_id on argument events), else output_index. llama-server omits output_index and
 * sequence_number on every event, so the item id comes first.
 */
type ItemKey = string | number;
const keyOf = (itemId: string | undefined, outputIndex: number | undefined): ItemKey => itemId ?? outputIndex ?? 0;

/**
 * Turns Responses API stream events into normalized events. Function calls are keyed by
 * item (see keyOf); their id is the item's call_id (the id a function_call_output must answer),
 * absent until an event carries it (never the item id in its place). `done` is emitted once, at
 * the end, from the terminal event (completed / incomplete / failed); a stream that ends without
 * one throws incomplete_stream (protocol).
 */
export async function* normalizeResponseEvents(events: AsyncIterable<ResponseStreamEvent>): AsyncGenerator<StreamEvent> {
  const tools = new ToolCallAssembler();
  /** item key → whether argument text arrived as deltas (else it is taken from the .done event). */
  const streamedArguments = new Map<ItemKey, boolean>();
  let started = false;
  let sawToolCalls = false;
  let finish: { finishReason: FinishReason | undefined; rawFinishReason: string | undefined } | undefined;

  const ensureCall = (index: ItemKey, id: string | undefined, name: string | undefined): StreamEvent[] => {
    if (streamedArguments.has(index)) return [];
    streamedArguments.set(index, false);
    sawToolCalls = true;
    return tools.push(index, { ...(id ? { id } : {}), ...(name !== undefined ? { name } : {}) });
  };
  const ended = new Set<ItemKey>();
  const endCall = (index: ItemKey): StreamEvent[] => {
    ended.add(index);
    return tools.end(index);
  };
  const completeArguments = (index: ItemKey, full: string): StreamEvent[] => {
    if (ended.has(index) || streamedArguments.get(index) !== false || full === '') return [];
    streamedArguments.set(index, true);
    return tools.push(index, { argumentsDelta: full });
  };

  for await (const event of events) {
    if (!started) {
      started = true;
      const response = 'response' in event ? event.response : undefined;
      yield { type: 'start', at: now(), id: response?.id, model: response?.model };
    }
    switch (event.type) {
      case 'response.output_text.delta':
        if (event.delta !== '') yield { type: 'text_delta', at: now(), text: event.delta };
        break;
      case 'response.reasoning_text.delta':
      case 'response.reasoning_summary_text.delta':
        if (event.delta !== '') yield { type: 'reasoning_delta', at: now(), text: event.delta };
        break;
      case 'response.output_item.added':
        if (event.item.type === 'function_call') {
          const key = keyOf(event.item.id, event.output_index);
          yield* ensureCall(key, event.item.call_id, event.item.name);
          if (event.item.arguments) {
            streamedArguments.set(key, true);
            yield* tools.push(key, { argumentsDelta: event.item.arguments });
          }
        }
        break;
      case 'response.function_call_arguments.delta': {
        const key = keyOf(event.item_id, event.output_index);
        // A delta before its output_item.added is a protocol slip: the call starts without an id
        // (the item id is not a call_id); a later output_item.done may still bring the call_id.
        yield* ensureCall(key, undefined, undefined);
        if (event.delta !== '') {
          streamedArguments.set(key, true);
          yield* tools.push(key, { argumentsDelta: event.delta });
        }
        break;
      }
      case 'response.function_call_arguments.done': {
        const key = keyOf(event.item_id, event.output_index);
        yield* ensureCall(key, undefined, undefined);
        yield* completeArguments(key, event.arguments);
        yield* endCall(key);
        break;
      }
      case 'response.output_item.done':
        if (event.item.type === 'function_call') {
          const key = keyOf(event.item.id, event.output_index);
          yield* ensureCall(key, event.item.call_id, event.item.name);
          // A call started by a bare delta gets its call_id and name from the finished item.
          if (!ended.has(key)) yield* tools.push(key, { ...(event.item.call_id ? { id: event.item.call_id } : {}), name: event.item.name });
          yield* completeArguments(key, event.item.arguments);
          yield* endCall(key);
        }
        break;
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed': {
        yield* tools.endAll();
        const usage = fromResponsesUsage(event.response.usage);
        if (usage) yield { type: 'usage', at: now(), usage };
        const hasCalls = sawToolCalls || event.response.output?.some((item) => item.type === 'function_call') === true;
        finish = responseFinish(event.response, hasCalls);
        if (event.type === 'response.failed') {
          const error = event.response.error;
          yield { type: 'error', at: now(), error: streamError(error?.code, error?.message ?? 'response failed') };
        }
        break;
      }
      case 'error':
        yield { type: 'error', at: now(), error: streamError(event.code, event.message) };
        break;
      default:
        // created, in_progress, content_part.*, output_text.done, ...: nothing to normalize.
        break;
    }
  }
  yield* tools.endAll();
  if (!finish) throw streamEndedWithout('openai-responses', TERMINAL_SIGNAL.description);
  yield { type: 'done', at: now(), finishReason: finish.finishReason, rawFinishReason: finish.rawFinishReason };
}
