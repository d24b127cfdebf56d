import type { Synthesized } from '../../contract/messages.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { now } from './time.ts';

interface PendingCall {
  index: number;
  id?: string;
  idSource?: Synthesized;
  name: string;
  argumentsText: string;
}

/** Parses assembled tool-call arguments; an empty text means "no arguments" ({}). */
export function parseToolArguments(text: string): { arguments?: unknown; parseError?: string } {
  if (text.trim() === '') return { arguments: {} };
  try {
    return { arguments: JSON.parse(text) };
  } catch (error) {
    return { parseError: error instanceof Error ? error.message : String(error) };
  }
}

/** One fragment of a streamed call as the wire carried it (any field may be missing). */
export interface ToolCallFragment {
  id?: string;
  /** Set only by adapters whose protocol has no call ids and who made `id` up. */
  idSource?: Synthesized;
  name?: string;
  argumentsDelta?: string;
}

const ref = (call: PendingCall) => ({
  index: call.index,
  ...(call.id !== undefined ? { id: call.id } : {}),
  ...(call.idSource !== undefined ? { idSource: call.idSource } : {}),
});

/**
 * Assembles streamed tool-call fragments into tool_call_start / tool_call_delta / tool_call_end
 * events. Fragments are keyed by a stream-local key (OpenAI's `index`, Anthropic's block index);
 * events carry the call's position in start order (`index`) and the id exactly as the wire sent
 * it: a call whose fragments carry no id has none (never invented); an id that arrives in a later
 * fragment is taken from then on.
 */
export class ToolCallAssembler {
  private readonly calls = new Map<string | number, PendingCall>();
  private readonly order: Array<string | number> = [];
  private started = 0;

  /** Feeds one fragment; returns the events it produces. */
  push(key: string | number, fragment: ToolCallFragment): StreamEvent[] {
    const events: StreamEvent[] = [];
    let call = this.calls.get(key);
    if (!call) {
      call = { index: this.started, name: fragment.name ?? '', argumentsText: '' };
      this.started += 1;
      if (fragment.id !== undefined && fragment.id !== '') call.id = fragment.id;
      if (call.id !== undefined && fragment.idSource !== undefined) call.idSource = fragment.idSource;
      this.calls.set(key, call);
      this.order.push(key);
      events.push({ type: 'tool_call_start', at: now(), name: call.name, ...ref(call) });
    } else {
      if (fragment.name && !call.name) call.name = fragment.name;
      if (call.id === undefined && fragment.id !== undefined && fragment.id !== '') {
        call.id = fragment.id;
        if (fragment.idSource !== undefined) call.idSource = fragment.idSource;
      }
    }
    if (fragment.argumentsDelta) {
      call.argumentsText += fragment.argumentsDelta;
      events.push({ type: 'tool_call_delta', at: now(), argumentsDelta: fragment.argumentsDelta, ...ref(call) });
    }
    return events;
  }

  /** Ends one call (when the protocol signals it), or returns [] if unknown/already ended. */
  end(key: string | number): StreamEvent[] {
    const call = this.calls.get(key);
    if (!call) return [];
    this.calls.delete(key);
    const parsed = parseToolArguments(call.argumentsText);
    return [{ type: 'tool_call_end', at: now(), name: call.name, argumentsText: call.argumentsText, ...parsed, ...ref(call) }];
  }

  /** Ends every call still open, in the order they started. */
  endAll(): StreamEvent[] {
    const events: StreamEvent[] = [];
    for (const key of this.order) events.push(...this.end(key));
    this.order.length = 0;
    return events;
  }

  /** Whether any call was started. */
  get sawCalls(): boolean {
    return this.started > 0;
  }
}
