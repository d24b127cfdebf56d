import type { PriceList } from '../../harness/contract/price.ts';

/**
 * USD per 1M tokens, OpenRouter's pass-through prices of the upstream providers. Source:
 * https://openrouter.ai/models, as published on 2025-10-15; transcribed, not re-read from this
 * machine. Llama 3.3 70B is left out on purpose: its price depends on which upstream OpenRouter
 * routes to, so its cost is reported as unknown (declare one with `--prices`).
 */
export const OPENROUTER_PRICES: PriceList = {
  source: 'https://openrouter.ai/models',
  checked: '2025-10-15',
  models: {
    'openai/gpt-5-mini': { input: 0.25, cachedInput: 0.025, output: 2 },
    'anthropic/claude-haiku-4.5': { input: 1, cachedInput: 0.1, output: 5 },
  },
};
