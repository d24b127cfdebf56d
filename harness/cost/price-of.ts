import type { ModelPrice, PriceList } from '../contract/price.ts';
import type { ProviderKind } from '../contract/provider.ts';
import { matchesName } from '../matrix/filters.ts';

/** Where a cell's price came from: the provider's list, a --prices file, local (free), or nowhere. */
export type PriceSource = 'declared' | 'override' | 'local' | 'unknown';

export interface ResolvedPrice {
  price?: ModelPrice;
  source: PriceSource;
}

/** `--prices` file: `"provider/model"` (model may be a glob) → price, overriding the declared one. */
export type PriceOverrides = Readonly<Record<string, ModelPrice>>;

const FREE: ModelPrice = { input: 0, output: 0, cachedInput: 0 };

function lookup(models: Readonly<Record<string, ModelPrice>>, name: string): ModelPrice | undefined {
  return models[name] ?? Object.entries(models).find(([pattern]) => matchesName(name, pattern))?.[1];
}

/** The price of one provider's model: an override first, then free for local servers, then the provider's list. */
export function priceOf(provider: { id: string; kind: ProviderKind; prices?: PriceList }, modelId: string, overrides: PriceOverrides = {}): ResolvedPrice {
  const override = lookup(overrides, `${provider.id}/${modelId}`);
  if (override) return { price: override, source: 'override' };
  if (provider.kind !== 'cloud') return { price: FREE, source: 'local' };
  const declared = provider.prices ? lookup(provider.prices.models, modelId) : undefined;
  return declared ? { price: declared, source: 'declared' } : { source: 'unknown' };
}
