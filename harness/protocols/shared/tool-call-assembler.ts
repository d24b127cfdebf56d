import type { StreamEvent } from '../../contract/stream.ts';
import { now } from './time.ts';

interface PendingCall {
  id: string;
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

/**
 * Assembles streamed tool-call fragments into tool_call_start / tool_call_delta / tool_call_end
 * events. Fragments are keyed by a stream-local key (OpenAI's `index`, Anthropic's block index);
 * the id and name may arrive in the first fragment only.
 */
export class ToolCallAssembler {
  private readonly calls = new Map<string | number, PendingCall>();
  private readonly order: Array<string | number> = [];

  /** Feeds one fragment; returns the events it produces. */
  push(key: string | number, fragment: { id?: string; name?: string; argumentsDelta?: string }): StreamEvent[] {
    const events: StreamEvent[] = [];
    let call = this.calls.get(key);
    if (!call) {
      call = { id: fragment.id ?? `call_${String(key)}`, name: fragment.name ?? '', argumentsText: '' };
      this.calls.set(key, call);
      this.order.push(key);
      events.push({ type: 'tool_call_start', at: now(), id: call.id, name: call.name });
    } else {
      if (fragment.name && !call.name) call.name = fragment.name;
    }
    if (fragment.argumentsDelta) {
      call.argumentsText += fragment.argumentsDelta;
      events.push({ type: 'tool_call_delta', at: now(), id: call.id, argumentsDelta: fragment.argumentsDelta });
    }
    return events;
  }

  /** Ends one call (when the protocol signals it), or returns [] if unknown/already ended. */
  end(key: string | number): StreamEvent[] {
    const call = this.calls.get(key);
    if (!call) return [];
    this.calls.delete(key);
    const parsed = parseToolArguments(call.argumentsText);
    return [{ type: 'tool_call_end', at: now(), id: call.id, name: call.name, argumentsText: call.argumentsText, ...parsed }];
  }

  /** Ends every call still open, in the order they started. */
  endAll(): StreamEvent[] {
    const events: StreamEvent[] = [];
    for (const key of this.order) events.push(...this.end(key));
    this.order.length = 0;
    return events;
  }
}
