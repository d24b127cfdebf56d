import type { TranscriptEntry } from '../contract/transcript.ts';

/**
 * A server's own timing report for one response, as llama-server sends it (`timings` on the
 * response body or on the last stream chunk): prompt processing and generation, in ms and tokens.
 */
export interface ServerTimings {
  promptTokens?: number;
  promptMs?: number;
  predictedTokens?: number;
  predictedMs?: number;
  predictedPerSecond?: number;
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

const asNumber = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function fromTimings(value: unknown): ServerTimings | undefined {
  const timings = asRecord(value);
  if (!timings) return undefined;
  const parsed: ServerTimings = {
    promptTokens: asNumber(timings.prompt_n),
    promptMs: asNumber(timings.prompt_ms),
    predictedTokens: asNumber(timings.predicted_n),
    predictedMs: asNumber(timings.predicted_ms),
    predictedPerSecond: asNumber(timings.predicted_per_second),
  };
  return Object.values(parsed).some((entry) => entry !== undefined) ? parsed : undefined;
}

/** The last `timings` object in a transcript (response body or raw stream event), when the server sent one. */
export function serverTimings(entries: readonly TranscriptEntry[]): ServerTimings | undefined {
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const entry = entries[index];
    if (!entry || entry.kind === 'request') continue;
    const carrier = asRecord(entry.kind === 'stream_event' ? entry.event : entry.body);
    const found = fromTimings(carrier?.timings);
    if (found) return found;
  }
  return undefined;
}
