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
  limits: {},
  finishReasons: FINISH_REASONS,
  checkEventOrder: checkEmbeddedEventOrder,
  terminalSignal: TERMINAL_SIGNAL,
  loadClient: async () => (await import('./client.ts')).createEmbeddedClient,
};
