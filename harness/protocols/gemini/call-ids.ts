/**
 * Gemini function calls carry an `id` only sometimes (the Gemini API often omits it). The
 * contract needs one to pair calls with results, so a missing id is replaced by a synthetic
 * `call_<n>`, unique within one client. Synthetic ids are never sent back to Gemini: a
 * functionCall/functionResponse made from one goes out without `id` (Gemini pairs by name and
 * order then). Thought signatures that came with a call are kept here too, keyed by call id,
 * because Gemini wants them returned on the same functionCall part in the next request and the
 * contract's ToolCall has no field for them.
 */
export interface CallIdRegistry {
  /** The provider's id if it sent one, else a new synthetic id; remembers the thought signature. */
  assign(providerId: string | undefined, thoughtSignature?: string): string;
  isSynthetic(id: string): boolean;
  thoughtSignatureOf(id: string): string | undefined;
}

export function createCallIdRegistry(): CallIdRegistry {
  let counter = 0;
  const synthetic = new Set<string>();
  const signatures = new Map<string, string>();
  return {
    assign(providerId, thoughtSignature) {
      let id = providerId;
      if (!id) {
        id = `call_${counter}`;
        counter += 1;
        synthetic.add(id);
      }
      if (thoughtSignature) signatures.set(id, thoughtSignature);
      return id;
    },
    isSynthetic: (id) => synthetic.has(id),
    thoughtSignatureOf: (id) => signatures.get(id),
  };
}
