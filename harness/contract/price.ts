/** What a model costs, in US dollars per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
  /** Input tokens read from the provider's prompt cache; `input` when absent. */
  cachedInput?: number;
}

/** A provider's declared prices, with where they were read and when (prices change). */
export interface PriceList {
  /** The provider's pricing page. */
  source: string;
  /** The date the prices were read from it (YYYY-MM-DD). */
  checked: string;
  /** Model id (or glob such as `claude-sonnet-4-5*`) → price. */
  models: Record<string, ModelPrice>;
}
