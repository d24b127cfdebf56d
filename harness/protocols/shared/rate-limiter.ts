import Bottleneck from 'bottleneck';
import type { RateLimit } from '../../contract/retry.ts';

export type { RateLimit };

export interface Limiter {
  /** Waits until one request of about `tokens` tokens fits under the limits; resolves with the time waited. */
  acquire(tokens: number): Promise<number>;
}

/**
 * A token bucket of `perMinute` units: full at the start (the burst a provider allows), refilled
 * continuously (1/60 of the budget each second), never above `perMinute`.
 */
function bucket(perMinute: number): Bottleneck {
  return new Bottleneck({
    reservoir: perMinute,
    reservoirIncreaseInterval: 1000,
    reservoirIncreaseAmount: Math.max(1, Math.floor(perMinute / 60)),
    reservoirIncreaseMaximum: perMinute,
  });
}

const limiters = new Map<string, { limit: RateLimit; limiter: Limiter }>();

function createLimiter(limit: RateLimit): Limiter {
  const requests = limit.rpm ? bucket(limit.rpm) : undefined;
  const tokens = limit.tpm ? bucket(limit.tpm) : undefined;
  return {
    async acquire(estimate) {
      const started = performance.now();
      if (requests) await requests.schedule({ weight: 1 }, async () => undefined);
      // A request larger than the whole budget waits for a full bucket, never forever.
      if (tokens && limit.tpm) await tokens.schedule({ weight: Math.min(Math.max(1, Math.ceil(estimate)), limit.tpm) }, async () => undefined);
      return performance.now() - started;
    },
  };
}

/** The process-wide limiter for `limit.key` (the first limits registered for a key win). */
export function limiterFor(limit: RateLimit): Limiter {
  let entry = limiters.get(limit.key);
  if (!entry) {
    entry = { limit, limiter: createLimiter(limit) };
    limiters.set(limit.key, entry);
  }
  return entry.limiter;
}

/** A rough token count of a JSON request body: ~4 characters a token, plus the output limit it asks for. */
export function estimateRequestTokens(body: string | undefined): number {
  if (!body) return 1;
  let maxOutput = 0;
  const match = /"(?:max_tokens|max_completion_tokens|max_output_tokens|maxOutputTokens|num_predict)"\s*:\s*(\d+)/.exec(body);
  if (match?.[1]) maxOutput = Number(match[1]);
  return Math.ceil(body.length / 4) + maxOutput;
}
