import type { PriceList } from '../../harness/contract/price.ts';

/**
 * USD per 1M tokens, on-demand, US regions (cross-region inference profiles cost the same).
 * Source: https://aws.amazon.com/bedrock/pricing/, as published on 2025-10-15; transcribed, not
 * re-read from this machine. Override with `--prices`.
 */
export const BEDROCK_PRICES: PriceList = {
  source: 'https://aws.amazon.com/bedrock/pricing/',
  checked: '2025-10-15',
  models: {
    'us.anthropic.claude-haiku-4-5-20251001-v1:0': { input: 1, cachedInput: 0.1, output: 5 },
    'us.amazon.nova-micro-v1:0': { input: 0.035, cachedInput: 0.00875, output: 0.14 },
    'us.amazon.nova-lite-v1:0': { input: 0.06, cachedInput: 0.015, output: 0.24 },
  },
};
