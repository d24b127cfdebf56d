import type { ChatRequest } from '../contract/chat.ts';
import type { CallOptions, ProtocolClient } from '../contract/protocol-client.ts';
import type { StreamEvent } from '../contract/stream.ts';
import type { Usage } from '../contract/usage.ts';

/** Token usage summed over every model call of a target's clients, as the wire reported it. */
export interface UsageTotals {
  /** Model calls (chat or stream) made. */
  calls: number;
  /** Calls whose response carried no usage at all (their cost is unknown). */
  callsWithoutUsage: number;
  input: number;
  output: number;
  cachedInput: number;
}

export const emptyTotals = (): UsageTotals => ({ calls: 0, callsWithoutUsage: 0, input: 0, output: 0, cachedInput: 0 });

export function addUsage(totals: UsageTotals, usage: Usage | undefined): void {
  totals.calls += 1;
  if (!usage || (usage.input === undefined && usage.output === undefined)) {
    totals.callsWithoutUsage += 1;
    return;
  }
  totals.input += usage.input ?? 0;
  totals.output += usage.output ?? 0;
  totals.cachedInput += usage.cachedInput ?? 0;
}

export function totalsSince(now: UsageTotals, before: UsageTotals): UsageTotals {
  return {
    calls: now.calls - before.calls,
    callsWithoutUsage: now.callsWithoutUsage - before.callsWithoutUsage,
    input: now.input - before.input,
    output: now.output - before.output,
    cachedInput: now.cachedInput - before.cachedInput,
  };
}

/** Field by field, the later report wins (a stream may report input first and output at its end). */
function merge(previous: Usage | undefined, next: Usage): Usage {
  const out: Usage = { ...previous };
  for (const [key, value] of Object.entries(next) as Array<[keyof Usage, number | undefined]>) if (value !== undefined) out[key] = value;
  return out;
}

/**
 * The same client, counting the usage of every chat response and every stream (its usage events,
 * counted once when the stream ends or is abandoned) into `totals`. Nothing else changes.
 */
export function meterClient(client: ProtocolClient, totals: UsageTotals): ProtocolClient {
  return {
    protocol: client.protocol,
    transcript: client.transcript,
    async chat(request: ChatRequest, options?: CallOptions) {
      const response = await client.chat(request, options);
      addUsage(totals, response.usage);
      return response;
    },
    async *stream(request: ChatRequest, options?: CallOptions): AsyncGenerator<StreamEvent> {
      let usage: Usage | undefined;
      try {
        for await (const event of client.stream(request, options)) {
          if (event.type === 'usage') usage = merge(usage, event.usage);
          yield event;
        }
      } finally {
        addUsage(totals, usage);
      }
    },
    listModels: (options) => client.listModels(options),
    health: (options) => client.health(options),
    close: () => client.close(),
  };
}
