import type { PriceList } from '../../harness/contract/price.ts';

/**
 * USD per 1M tokens, Standard tier. Source: https://platform.openai.com/docs/pricing, as published
 * on 2025-11-13 (gpt-5.1 launch); transcribed, not re-read from this machine (no network beyond
 * package registries). Override with `--prices` when they change.
 */
export const OPENAI_PRICES: PriceList = {
  source: 'https://platform.openai.com/docs/pricing',
  checked: '2025-11-13',
  models: {
    'gpt-5.1': { input: 1.25, cachedInput: 0.125, output: 10 },
    'gpt-5-mini': { input: 0.25, cachedInput: 0.025, output: 2 },
    'gpt-4.1-mini': { input: 0.4, cachedInput: 0.1, output: 1.6 },
  },
};
