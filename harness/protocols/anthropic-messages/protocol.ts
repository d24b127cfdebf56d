import type { ProtocolModule } from '../protocol-module.ts';
import { checkAnthropicMessagesEventOrder } from './event-order.ts';
import { FINISH_REASONS } from './finish-reason.ts';
import { TERMINAL_SIGNAL } from './terminal-signal.ts';

declare module '../../contract/protocol-client.ts' {
  interface ProtocolIds {
    'anthropic-messages': true;
  }
}

export const anthropicMessagesProtocol: ProtocolModule<'anthropic-messages'> = {
  id: 'anthropic-messages',
  // The Messages API has no `seed`; API version 2026-10-21 (@anthropic-ai/sdk 1.x) has no `temperature` either.
  limits: {
    seed: false,
    temperature: false,
    // no embeddings endpoint, and structured outputs take a JSON schema only (no schema-less JSON mode)
    embeddings: false,
    json_mode: false,
  },
  finishReasons: FINISH_REASONS,
  checkEventOrder: checkAnthropicMessagesEventOrder,
  terminalSignal: TERMINAL_SIGNAL,
  loadClient: async () => (await import('./client.ts')).createAnthropicMessagesClient,
};
