import type { ProtocolClientFactory, ProtocolId } from '../contract/protocol-client.ts';

/**
 * One lazy factory per wire protocol, so a run loads only the SDKs it uses.
 * Each adapter lives in harness/protocols/<protocol-id>/client.ts.
 */
export const PROTOCOL_FACTORIES: Record<ProtocolId, () => Promise<ProtocolClientFactory>> = {
  'openai-chat': async () => (await import('./openai-chat/client.ts')).createOpenAIChatClient,
  'openai-responses': async () => (await import('./openai-responses/client.ts')).createOpenAIResponsesClient,
  'anthropic-messages': async () => (await import('./anthropic-messages/client.ts')).createAnthropicMessagesClient,
  'bedrock-converse': async () => (await import('./bedrock-converse/client.ts')).createBedrockConverseClient,
  'ollama-native': async () => (await import('./ollama-native/client.ts')).createOllamaNativeClient,
  gemini: async () => (await import('./gemini/client.ts')).createGeminiClient,
  embedded: async () => (await import('./embedded/client.ts')).createEmbeddedClient,
};

export async function createProtocolClient(config: Parameters<ProtocolClientFactory>[0]) {
  const factory = await PROTOCOL_FACTORIES[config.protocol]();
  return factory(config);
}
