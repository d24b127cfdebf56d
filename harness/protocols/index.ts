import { anthropicMessagesProtocol } from './anthropic-messages/protocol.ts';
import { bedrockConverseProtocol } from './bedrock-converse/protocol.ts';
import { embeddedProtocol } from './embedded/protocol.ts';
import { geminiProtocol } from './gemini/protocol.ts';
import { ollamaNativeProtocol } from './ollama-native/protocol.ts';
import { openAIChatProtocol } from './openai-chat/protocol.ts';
import { openAIResponsesProtocol } from './openai-responses/protocol.ts';

/**
 * Every wire protocol the harness speaks: one module each (harness/protocols/<id>/protocol.ts),
 * one line here. The id list, the client registry, the capability limits and the event-order
 * checkers are derived from this list (registry.ts).
 */
export const PROTOCOL_MODULES = [
  openAIChatProtocol,
  openAIResponsesProtocol,
  anthropicMessagesProtocol,
  bedrockConverseProtocol,
  ollamaNativeProtocol,
  geminiProtocol,
  embeddedProtocol,
] as const;
