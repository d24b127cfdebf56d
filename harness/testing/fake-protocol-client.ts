import type { ChatRequest, ChatResponse } from '../contract/chat.ts';
import type { CallOptions, ProtocolClient } from '../contract/protocol-client.ts';
import type { StreamEvent } from '../contract/stream.ts';
import { VerifyError } from '../contract/verify-error.ts';
import { createTranscript } from '../protocols/shared/transcript.ts';

/** A stream event without its timestamp (added when replayed). */
export type ScriptedEvent = StreamEvent extends infer E ? (E extends StreamEvent ? Omit<E, 'at'> : never) : never;

/** One scripted turn: a whole response (chat), events (stream), or a delay before either. */
export interface ScriptedTurn {
  response?: ChatResponse;
  events?: ScriptedEvent[];
  /** ms to wait before answering (honours the abort signal). */
  delayMs?: number;
  /** Stream mode: ms to wait before each event (honours the abort signal unless ignoreAbort). */
  eventDelayMs?: number;
  /** Stream mode: keep producing events after an abort (a misbehaving adapter). */
  ignoreAbort?: boolean;
  /**
   * Stream mode: raw SDK events to record in the transcript as 'stream_event' entries. When not
   * given, the fake records the openai-chat chunks its scripted events stand for (see rawChunksFor).
   */
  raw?: unknown[];
}

export interface FakeProtocolClient extends ProtocolClient {
  /** Every request the loop sent, in order. */
  readonly requests: ChatRequest[];
}

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new VerifyError({ kind: 'aborted', layer: 'transport', message: 'fake: aborted' }));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new VerifyError({ kind: 'aborted', layer: 'transport', message: 'fake: aborted' }));
    }, { once: true });
  });

/**
 * The openai-chat chunks a scripted stream stands for (the fake speaks openai-chat): a chunk per
 * text delta and tool fragment, a finish_reason chunk for `done`, a usage chunk for `usage`.
 */
export function rawChunksFor(events: readonly ScriptedEvent[]): unknown[] {
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({ id: 'fake', object: 'chat.completion.chunk', choices, ...extra });
  const delta = (value: Record<string, unknown>, finish: string | null = null) => chunk([{ index: 0, delta: value, finish_reason: finish }]);
  return events.flatMap((event): unknown[] => {
    switch (event.type) {
      case 'text_delta':
        return [delta({ content: event.text })];
      case 'tool_call_start':
        return [delta({ tool_calls: [{ index: event.index, ...(event.id !== undefined ? { id: event.id } : {}), function: { name: event.name, arguments: '' } }] })];
      case 'tool_call_delta':
        return [delta({ tool_calls: [{ index: event.index, function: { arguments: event.argumentsDelta } }] })];
      case 'done':
        return [delta({}, event.rawFinishReason ?? event.finishReason ?? 'stop')];
      case 'usage':
        return [chunk([], { usage: { prompt_tokens: event.usage.input, completion_tokens: event.usage.output } })];
      default:
        return [];
    }
  });
}

/**
 * A ProtocolClient that replays scripted turns (for unit tests of the tool loop: not a real peer,
 * nothing here is live-verified). Throws when the script runs out. Like a real adapter, a stream
 * whose scripted events hold no `done` ends by throwing incomplete_stream (protocol).
 */
export function createFakeProtocolClient(script: ScriptedTurn[]): FakeProtocolClient {
  const requests: ChatRequest[] = [];
  const turns = [...script];
  const transcript = createTranscript();
  const next = (request: ChatRequest): ScriptedTurn => {
    requests.push(structuredClone(request));
    const turn = turns.shift();
    if (!turn) throw new Error(`fake client: no scripted turn left for request ${requests.length}`);
    return turn;
  };
  return {
    protocol: 'openai-chat',
    transcript,
    requests,
    async chat(request: ChatRequest, options?: CallOptions) {
      const turn = next(request);
      if (turn.delayMs) await wait(turn.delayMs, options?.signal);
      if (!turn.response) throw new Error('fake client: turn has no response');
      return structuredClone(turn.response);
    },
    async *stream(request: ChatRequest, options?: CallOptions) {
      const turn = next(request);
      if (turn.delayMs) await wait(turn.delayMs, options?.signal);
      const events = turn.events ?? [];
      for (const event of turn.raw ?? rawChunksFor(events)) transcript.record({ kind: 'stream_event', at: performance.now(), event });
      for (const event of events) {
        if (turn.eventDelayMs) await wait(turn.eventDelayMs, turn.ignoreAbort ? undefined : options?.signal);
        yield { ...event, at: performance.now() } as StreamEvent;
      }
      if (!events.some((event) => event.type === 'done' || event.type === 'error')) {
        throw new VerifyError({ kind: 'incomplete_stream', layer: 'protocol', message: 'fake stream ended without a chunk with a finish_reason' });
      }
    },
    async listModels() {
      return [{ id: 'fake-model' }];
    },
    async health() {
      return { ok: true };
    },
    async close() {},
  };
}
