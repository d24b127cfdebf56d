import type { PriceList } from '../../harness/contract/price.ts';

/**
 * USD per 1M tokens, paid tier, text input, prompts up to 200k tokens (Pro doubles above that;
 * the suites' prompts are tiny). Source: https://ai.google.dev/gemini-api/docs/pricing, as
 * published on 2025-10-01; transcribed, not re-read from this machine. Override with `--prices`.
 */
export const GEMINI_PRICES: PriceList = {
  source: 'https://ai.google.dev/gemini-api/docs/pricing',
  checked: '2025-10-01',
  models: {
    'gemini-2.5-flash': { input: 0.3, cachedInput: 0.03, output: 2.5 },
    'gemini-2.5-pro': { input: 1.25, cachedInput: 0.125, output: 10 },
    'gemini-2.5-flash-lite': { input: 0.1, cachedInput: 0.01, output: 0.4 },
  },
};
