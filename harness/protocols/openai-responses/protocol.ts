import type { ProtocolModule } from '../protocol-module.ts';
import { checkOpenAIResponsesEventOrder } from './event-order.ts';
import { FINISH_REASONS } from './finish-reason.ts';
import { TERMINAL_SIGNAL } from './terminal-signal.ts';

declare module '../../contract/protocol-client.ts' {
  interface ProtocolIds {
    'openai-responses': true;
  }
}

export const openAIResponsesProtocol: ProtocolModule<'openai-responses'> = {
  id: 'openai-responses',
  // The Responses API has no `seed` and no `stop` parameter.
  limits: {
    seed: false,
    stop_sequences: false,
    // embeddings are POST /embeddings, spoken by the openai-chat adapter for the same endpoint
    embeddings: false,
  },
  finishReasons: FINISH_REASONS,
  checkEventOrder: checkOpenAIResponsesEventOrder,
  terminalSignal: TERMINAL_SIGNAL,
  loadClient: async () => (await import('./client.ts')).createOpenAIResponsesClient,
};
