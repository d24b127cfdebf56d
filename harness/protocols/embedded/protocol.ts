import type { ProtocolModule } from '../protocol-module.ts';
import { checkEmbeddedEventOrder } from './event-order.ts';
import { FINISH_REASONS } from './finish-reason.ts';
import { TERMINAL_SIGNAL } from './terminal-signal.ts';

declare module '../../contract/protocol-client.ts' {
  interface ProtocolIds {
    'embedded': true;
  }
}

export const embeddedProtocol: ProtocolModule<'embedded'> = {
  id: 'embedded',
  limits: {
    // node-llama-cpp reports no cache reads, takes no reasoning switch in generateResponse, and loads no vision projector here
    prompt_caching: false,
    reasoning: false,
    vision: false,
    pdf_input: false,
  },
  finishReasons: FINISH_REASONS,
  checkEventOrder: checkEmbeddedEventOrder,
  terminalSignal: TERMINAL_SIGNAL,
  loadClient: async () => (await import('./client.ts')).createEmbeddedClient,
};
