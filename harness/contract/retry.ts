/** How the harness retries transient failures of one request (the SDKs' own retries are off). */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Backoff base: the n-th retry waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^n)) ("full jitter"). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts after this much time since the first attempt (and none whose wait would pass it). */
  maxTotalMs: number;
  /** Time to the response headers of one attempt; past it the attempt is abandoned and retried. Unset: no limit but the test deadline. */
  attemptTimeoutMs?: number;
}

/** Request and token rates an endpoint allows (declared by the provider, or passed with --rate-limit). */
export interface RateLimit {
  /** Shared by every client with the same key (the provider id): one budget for all workers of a provider. */
  key: string;
  /** Requests per minute. */
  rpm?: number;
  /** Tokens per minute (prompt estimate + max output tokens of each request). */
  tpm?: number;
}

/** One retry the harness made: which attempt failed, why, and how long it waited before the next. */
export interface RetryRecord {
  /** The attempt that failed (1 = the first request). */
  attempt: number;
  /** Why it was retried: "HTTP 429", "HTTP 503", "connection reset (ECONNRESET)", "no response headers within 5000 ms". */
  reason: string;
  /** The wait before the next attempt (backoff, or what the server asked for). */
  delayMs: number;
  /** Method and path of the request, e.g. "POST /v1/chat/completions". */
  request: string;
}
