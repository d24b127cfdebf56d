import type { ModelPrice } from '../contract/price.ts';
import type { Usage } from '../contract/usage.ts';

const PER_TOKEN = 1 / 1_000_000;

/** What a cell is expected to send: its requests, each with about this many prompt tokens and at most this many output tokens. */
export interface CellEstimate {
  requests: number;
  inputTokens: number;
  outputTokens: number;
}

/**
 * Defaults for a test that declares no estimate: one request with the suite kit's system prompt and
 * a short user prompt (~200 tokens), answered with up to the kit's MAX_TOKENS (128).
 */
export const DEFAULT_ESTIMATE: CellEstimate = { requests: 1, inputTokens: 200, outputTokens: 128 };

/** USD of the usage a cell got; cached input priced at the cached rate. Fields the wire left out count 0. */
export function costOfUsage(usage: Usage, price: ModelPrice): number {
  const input = usage.input ?? 0;
  const cached = Math.min(usage.cachedInput ?? 0, input);
  const usd = ((input - cached) * price.input + cached * (price.cachedInput ?? price.input) + (usage.output ?? 0) * price.output) * PER_TOKEN;
  return roundUsd(usd);
}

/** The most a cell should cost: every request with its prompt and its full output-token limit. */
export function estimateCost(estimate: CellEstimate, price: ModelPrice): number {
  return roundUsd(estimate.requests * (estimate.inputTokens * price.input + estimate.outputTokens * price.output) * PER_TOKEN);
}

/** Dollars to 1e-9 (a nano-dollar), so sums stay exact enough and JSON stays short. */
export const roundUsd = (usd: number): number => Math.round(usd * 1e9) / 1e9;

/** `$0.0123` with enough digits for tiny sums. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  return usd >= 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toPrecision(3)}`;
}
