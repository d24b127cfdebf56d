/**
 * Token accounting, normalized. A field is undefined when the provider did not report it: in
 * particular `total` is set only when the wire carried a total (never computed from the parts,
 * or checking total = input + output would be a tautology).
 */
export interface Usage {
  input?: number;
  output?: number;
  total?: number;
  /** Of `input`, the tokens the provider read from its prompt cache (priced lower), when the wire says. */
  cachedInput?: number;
}
