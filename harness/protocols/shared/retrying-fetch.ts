import { setTimeout as sleep } from 'node:timers/promises';
import pRetry, { AbortError } from 'p-retry';
import { currentAttemptLog } from './attempt-log.ts';
import { estimateRequestTokens, limiterFor, type RateLimit } from './rate-limiter.ts';
import { backoffDelayMs, isTransientStatus, serverDelayMs, transientNetworkReason, type RetryPolicy } from './retry-policy.ts';

/** An attempt that failed in a way worth retrying; carries the response when the server answered. */
class TransientFailure extends Error {
  readonly reason: string;
  readonly response: Response | undefined;
  readonly original: unknown;
  readonly serverDelayMs: number | undefined;
  constructor(reason: string, details: { response?: Response; original?: unknown; serverDelayMs?: number }) {
    super(reason);
    this.name = 'TransientFailure';
    this.reason = reason;
    this.response = details.response;
    this.original = details.original;
    this.serverDelayMs = details.serverDelayMs;
  }
}

export interface RetryingFetchOptions {
  policy: RetryPolicy;
  rateLimit?: RateLimit;
  random?: () => number;
}

const asError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));

function describeRequest(input: Parameters<typeof fetch>[0], init: RequestInit | undefined): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const method = init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET');
  try {
    return `${method} ${new URL(url).pathname}`;
  } catch {
    return method;
  }
}

/** Bodies that can be sent again as they are (SDKs send JSON strings). */
function replayable(input: Parameters<typeof fetch>[0], init: RequestInit | undefined): boolean {
  if (input instanceof Request && input.body !== null) return false;
  const body = init?.body;
  return body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer || body instanceof URLSearchParams;
}

/**
 * The harness's own retry loop around a fetch (SDK retries are off): 408/429/5xx answers, reset
 * connections and (with attemptTimeoutMs) attempts with no response headers in time are retried
 * with exponential backoff and full jitter, waiting at least what Retry-After or the rate-limit
 * reset headers ask, within maxRetries and maxTotalMs. The last failing answer is handed to the
 * SDK as it came, so the verdict is the one the endpoint earned. Each retry is written to the
 * running cell's attempt log. With a rate limit, every attempt first waits for its slot.
 */
export function createRetryingFetch(inner: typeof fetch, options: RetryingFetchOptions): typeof fetch {
  const { policy } = options;
  const random = options.random ?? Math.random;
  return async (input, init) => {
    const signal = init?.signal ?? undefined;
    const canReplay = replayable(input, init);
    const log = currentAttemptLog();
    const limiter = options.rateLimit && (options.rateLimit.rpm || options.rateLimit.tpm) ? limiterFor(options.rateLimit) : undefined;
    const tokens = estimateRequestTokens(typeof init?.body === 'string' ? init.body : undefined);
    const started = Date.now();
    let retry = 0;
    let giveUp = false;

    const attempt = async (): Promise<Response> => {
      if (limiter) {
        const waited = await limiter.acquire(tokens);
        if (log) log.rateLimitedMs += Math.round(waited);
      }
      const headerTimeout = policy.attemptTimeoutMs ? new AbortController() : undefined;
      const timer = headerTimeout
        ? setTimeout(() => headerTimeout.abort(new DOMException(`no response headers within ${policy.attemptTimeoutMs} ms`, 'TimeoutError')), policy.attemptTimeoutMs)
        : undefined;
      const signals = [signal, headerTimeout?.signal].filter((entry): entry is AbortSignal => entry instanceof AbortSignal);
      let response: Response;
      try {
        response = await inner(input, headerTimeout ? { ...init, signal: AbortSignal.any(signals) } : init);
      } catch (error) {
        if (signal?.aborted || !canReplay) throw new AbortError(asError(error));
        if (headerTimeout?.signal.aborted) throw new TransientFailure(`no response headers within ${policy.attemptTimeoutMs} ms`, { original: error });
        const reason = transientNetworkReason(error);
        if (reason) throw new TransientFailure(reason, { original: error });
        throw new AbortError(asError(error));
      } finally {
        if (timer !== undefined) clearTimeout(timer);
      }
      if (canReplay && isTransientStatus(response.status)) {
        throw new TransientFailure(`HTTP ${response.status}`, { response, serverDelayMs: serverDelayMs(response.headers) });
      }
      return response;
    };

    try {
      return await pRetry(attempt, {
        retries: policy.maxRetries,
        minTimeout: 0,
        maxRetryTime: policy.maxTotalMs,
        signal,
        shouldRetry: () => !giveUp,
        async onFailedAttempt({ error, attemptNumber, retriesLeft }) {
          if (!(error instanceof TransientFailure) || retriesLeft <= 0) return;
          const delayMs = Math.max(error.serverDelayMs ?? 0, backoffDelayMs(retry, policy, random));
          if (Date.now() - started + delayMs > policy.maxTotalMs) {
            giveUp = true;
            return;
          }
          retry += 1;
          log?.retries.push({ attempt: attemptNumber, reason: error.reason, delayMs, request: describeRequest(input, init) });
          await error.response?.body?.cancel().catch(() => undefined);
          await sleep(delayMs, undefined, { signal });
        },
      });
    } catch (error) {
      if (error instanceof TransientFailure) {
        if (error.response) return error.response;
        throw error.original;
      }
      throw error;
    }
  };
}
