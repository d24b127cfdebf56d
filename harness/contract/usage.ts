/**
 * Token accounting, normalized. A field is undefined when the provider did not report it: in
 * particular `total` is set only when the wire carried a total (never computed from the parts,
 * or checking total = input + output would be a tautology).
 */
export interface Usage {
  input?: number;
  output?: number;
  total?: number;
  /**
   * Input tokens read from the prompt cache, when the wire carries such a field (OpenAI
   * prompt_tokens_details.cached_tokens, Anthropic cache_read_input_tokens, Gemini
   * cachedContentTokenCount, Converse cacheReadInputTokens). Included in `input`.
   */
  cachedInput?: number;
  /** Output tokens spent on reasoning, when the wire carries such a field. Included in `output`. */
  reasoning?: number;
}
