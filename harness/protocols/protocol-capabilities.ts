import type { DeclaredCapabilities } from '../contract/capability.ts';
import type { ProtocolId } from '../contract/protocol-client.ts';

/**
 * What a wire protocol itself cannot carry, whatever the model behind it can do. Merged over a
 * model's declared capabilities, so a test needing it is `unsupported` on that protocol.
 */
export const PROTOCOL_LIMITS: Record<ProtocolId, DeclaredCapabilities> = {
  'openai-chat': {},
  // The Responses API has no `seed` and no `stop` parameter.
  'openai-responses': { seed: false, stop_sequences: false },
  // The Messages API has no `seed`; API version 2026-10-21 (@anthropic-ai/sdk 1.x) has no `temperature` either.
  'anthropic-messages': { seed: false, temperature: false },
  // Converse's inferenceConfig has no seed.
  'bedrock-converse': { seed: false },
  // Ollama's native API has no tool_choice.
  'ollama-native': { tool_choice: false },
  gemini: {},
  embedded: {},
};

/** The capabilities a test can count on for a model spoken to over a protocol. */
export function effectiveCapabilities(declared: DeclaredCapabilities, protocol: ProtocolId): DeclaredCapabilities {
  return { ...declared, ...PROTOCOL_LIMITS[protocol] };
}
