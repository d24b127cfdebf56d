import type { ProtocolId } from '../../../harness/contract/protocol-client.ts';
import { checkAnthropicMessagesEventOrder } from './anthropic-messages.ts';
import { checkBedrockConverseEventOrder } from './bedrock-converse.ts';
import { checkGeminiEventOrder } from './gemini.ts';
import { checkEmbeddedEventOrder } from './normalized.ts';
import { checkOllamaNativeEventOrder } from './ollama-native.ts';
import { checkOpenAIChatEventOrder } from './openai-chat.ts';
import { checkOpenAIResponsesEventOrder } from './openai-responses.ts';
import type { EventOrderChecker } from './read.ts';

export { checkNormalizedEvents } from './normalized.ts';
export type { EventOrderChecker, EventOrderOptions } from './read.ts';

/** One raw-event order checker per wire protocol (each in its own file). */
export const EVENT_ORDER_CHECKERS: Record<ProtocolId, EventOrderChecker> = {
  'openai-chat': checkOpenAIChatEventOrder,
  'openai-responses': checkOpenAIResponsesEventOrder,
  'anthropic-messages': checkAnthropicMessagesEventOrder,
  'bedrock-converse': checkBedrockConverseEventOrder,
  'ollama-native': checkOllamaNativeEventOrder,
  gemini: checkGeminiEventOrder,
  embedded: checkEmbeddedEventOrder,
};
