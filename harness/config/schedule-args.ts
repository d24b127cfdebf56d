import type { RetryPolicy } from '../contract/retry.ts';
import type { Cell } from '../matrix/cell.ts';
import { UsageError } from '../matrix/usage-error.ts';
import { DEFAULT_RETRY_POLICY } from '../protocols/shared/retry-policy.ts';

/** Targets in parallel when --concurrency is not given: one per distinct endpoint, at most this many. */
export const MAX_DEFAULT_CONCURRENCY = 8;
/** Consecutive transport/timeout failures that open a target's circuit by default. */
export const DEFAULT_CIRCUIT_BREAKER = 2;

/** The servers the runnable cells talk to (root URL, or the provider id when there is none). */
export function distinctEndpoints(cells: readonly Cell[]): number {
  return new Set(cells.filter((cell) => cell.gate.action === 'run').map((cell) => cell.target.concurrency?.endpoint ?? cell.target.rootUrl ?? cell.provider)).size;
}

/** --concurrency N, else the number of distinct endpoints capped at MAX_DEFAULT_CONCURRENCY. */
export function concurrencyFor(flag: number | undefined, cells: readonly Cell[]): number {
  if (flag !== undefined) return flag;
  return Math.max(1, Math.min(MAX_DEFAULT_CONCURRENCY, distinctEndpoints(cells)));
}

export type RateLimitArgs = Record<string, { rpm?: number; tpm?: number }>;

/** `--rate-limit openai:500rpm:30000tpm` (repeatable) → { openai: { rpm: 500, tpm: 30000 } }. */
export function parseRateLimits(values: readonly string[] | undefined): RateLimitArgs {
  const limits: RateLimitArgs = {};
  for (const value of values ?? []) {
    const [provider, ...parts] = value.split(':');
    const how = 'write --rate-limit <provider>:<n>rpm[:<n>tpm], e.g. --rate-limit openai:500rpm:30000tpm';
    if (!provider || parts.length === 0) throw new UsageError(`--rate-limit ${value}: ${how}`);
    const entry: { rpm?: number; tpm?: number } = {};
    for (const part of parts) {
      const match = /^(\d+)(rpm|tpm)$/.exec(part.trim());
      if (!match?.[1] || Number(match[1]) <= 0) throw new UsageError(`--rate-limit ${value}: "${part}" is not <positive n>rpm or <positive n>tpm; ${how}`);
      entry[match[2] as 'rpm' | 'tpm'] = Number(match[1]);
    }
    limits[provider] = entry;
  }
  return limits;
}

export interface RetryArgs {
  retries?: number;
  attemptTimeout?: number;
}

function nonNegativeInteger(flag: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw new UsageError(`${flag} takes a whole number ≥ 0 (got ${JSON.stringify(value)})`);
}

/** Checks --concurrency, --circuit-breaker, --retries and --attempt-timeout (usage errors, exit 2). */
export function checkScheduleFlags(args: { concurrency?: number; circuitBreaker?: number } & RetryArgs): void {
  if (args.concurrency !== undefined && (!Number.isInteger(args.concurrency) || args.concurrency < 1)) {
    throw new UsageError(`--concurrency takes a whole number ≥ 1 (got ${JSON.stringify(args.concurrency)})`);
  }
  nonNegativeInteger('--circuit-breaker', args.circuitBreaker);
  nonNegativeInteger('--retries', args.retries);
  if (args.attemptTimeout !== undefined && (!Number.isFinite(args.attemptTimeout) || args.attemptTimeout <= 0)) {
    throw new UsageError(`--attempt-timeout takes a positive number of milliseconds (got ${JSON.stringify(args.attemptTimeout)})`);
  }
}

/**
 * The cells with the user's retry and rate-limit settings applied to their client settings
 * (--rate-limit replaces a provider's declared limits).
 */
export function applyClientSettings(cells: readonly Cell[], retry: RetryArgs, rateLimits: RateLimitArgs): Cell[] {
  const policy: RetryPolicy | undefined =
    retry.retries === undefined && retry.attemptTimeout === undefined
      ? undefined
      : { ...DEFAULT_RETRY_POLICY, maxRetries: retry.retries ?? DEFAULT_RETRY_POLICY.maxRetries, ...(retry.attemptTimeout ? { attemptTimeoutMs: retry.attemptTimeout } : {}) };
  return cells.map((cell) => {
    const limit = rateLimits[cell.provider];
    if (!policy && !limit) return cell;
    const client = { ...cell.target.client };
    if (policy) {
      client.retry = policy;
      client.maxRetries = policy.maxRetries;
    }
    if (limit) client.rateLimit = { key: cell.provider, ...limit };
    return { ...cell, target: { ...cell.target, client } };
  });
}
