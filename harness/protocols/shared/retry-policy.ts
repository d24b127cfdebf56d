import type { RetryPolicy } from '../../contract/retry.ts';

export type { RetryPolicy };

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 20_000, maxTotalMs: 60_000 };

/** The policy of a client: its settings over the defaults (`maxRetries` alone keeps the other defaults). */
export function retryPolicyOf(config: { maxRetries: number; retry?: RetryPolicy }): RetryPolicy {
  return config.retry ?? { ...DEFAULT_RETRY_POLICY, maxRetries: config.maxRetries };
}

/** 408, 429 and the 5xx that mean "try again" (not 501 Not Implemented or 505). */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/** "1s", "6m0s", "20ms", "1h2m3.5s" (OpenAI's x-ratelimit-reset-*) → ms. */
function parseGoDuration(text: string): number | undefined {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) return undefined;
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  return parts.reduce((sum, part) => sum + Number(part[1]) * (unit[part[2] ?? 's'] ?? 1000), 0);
}

/** A reset header value: seconds, a Go-style duration, an RFC 3339 / HTTP date. */
function parseReset(value: string, now: number): number | undefined {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const duration = parseGoDuration(text);
  if (duration !== undefined) return duration;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long the server asked us to wait, from Retry-After (seconds or an HTTP date), retry-after-ms,
 * or the rate-limit reset headers (OpenAI x-ratelimit-reset-requests/-tokens, Anthropic
 * anthropic-ratelimit-*-reset): the longest one given. undefined when none is there.
 */
export function serverDelayMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfterMs = headers.get('retry-after-ms');
  if (retryAfterMs !== null && /^\d+(\.\d+)?$/.test(retryAfterMs.trim())) return Number(retryAfterMs);
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    const parsed = parseReset(retryAfter, now);
    if (parsed !== undefined) return parsed;
  }
  const resets: number[] = [];
  for (const [name, value] of headers) {
    if (/^(x-ratelimit-reset(-requests|-tokens)?|anthropic-ratelimit-.*-reset)$/.test(name)) {
      const parsed = parseReset(value, now);
      if (parsed !== undefined) resets.push(parsed);
    }
  }
  return resets.length > 0 ? Math.max(...resets) : undefined;
}

/** Full jitter: a random wait in [0, min(maxDelayMs, baseDelayMs * 2^retry)). `retry` counts from 0. */
export function backoffDelayMs(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry));
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'ECONNABORTED']);

/**
 * Why a thrown fetch error is worth retrying (a reset or dropped connection before the response),
 * or undefined. Refused connections are not retried: the endpoint is down, which the health check reports.
 */
export function transientNetworkReason(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && RESET_CODES.has(code)) return `connection reset (${code})`;
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string' && /other side closed|socket hang up/i.test(message)) return `connection closed by the server (${message})`;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
