import type { Synthesized } from '../../contract/messages.ts';

/**
 * Gemini function calls carry an `id` only sometimes: the Gemini API pairs a functionResponse
 * with its functionCall by name and order, so an id is optional in the protocol. The contract
 * pairs results by id, so a missing one is made up as `synthesized_<n>` (unique within one
 * client) and marked `idSource: 'synthesized'`, so checks can tell it from an id the server sent.
 * Synthesized ids are never sent back to Gemini: a functionCall/functionResponse made from one
 * goes out without `id`. Thought signatures that came with a call are kept here too, keyed by call
 * id, because Gemini wants them returned on the same functionCall part in the next request and
 * the contract's ToolCall has no field for them.
 */
export interface CallIdRegistry {
  /** The provider's id if it sent one, else a new synthesized (and marked) id; remembers the thought signature. */
  assign(providerId: string | undefined, thoughtSignature?: string): { id: string; idSource?: Synthesized };
  /** True for ids this registry made up, and for a missing id (nothing to send back). */
  isSynthetic(id: string | undefined): boolean;
  thoughtSignatureOf(id: string | undefined): string | undefined;
}

export function createCallIdRegistry(): CallIdRegistry {
  let counter = 0;
  const synthetic = new Set<string>();
  const signatures = new Map<string, string>();
  return {
    assign(providerId, thoughtSignature) {
      const assigned: { id: string; idSource?: Synthesized } = providerId ? { id: providerId } : { id: `synthesized_${counter}`, idSource: 'synthesized' };
      if (!providerId) {
        counter += 1;
        synthetic.add(assigned.id);
      }
      if (thoughtSignature) signatures.set(assigned.id, thoughtSignature);
      return assigned;
    },
    isSynthetic: (id) => id === undefined || synthetic.has(id),
    thoughtSignatureOf: (id) => (id === undefined ? undefined : signatures.get(id)),
  };
}
