import type { PriceList } from '../../harness/contract/price.ts';

/**
 * USD per 1M tokens; cachedInput is the cache-read rate (cache writes, 1.25× input, are not
 * reported apart by the contract's usage and are priced as input). Source:
 * https://docs.anthropic.com/en/docs/about-claude/pricing, as published on 2025-10-15 (Haiku 4.5
 * launch); transcribed, not re-read from this machine. Override with `--prices`.
 */
export const ANTHROPIC_PRICES: PriceList = {
  source: 'https://docs.anthropic.com/en/docs/about-claude/pricing',
  checked: '2025-10-15',
  models: {
    'claude-sonnet-4-5': { input: 3, cachedInput: 0.3, output: 15 },
    'claude-haiku-4-5': { input: 1, cachedInput: 0.1, output: 5 },
    'claude-opus-4-1': { input: 15, cachedInput: 1.5, output: 75 },
  },
};
