import type { ProtocolModule } from '../protocol-module.ts';
import { checkGeminiEventOrder } from './event-order.ts';
import { FINISH_REASONS } from './finish-reason.ts';
import { TERMINAL_SIGNAL } from './terminal-signal.ts';

declare module '../../contract/protocol-client.ts' {
  interface ProtocolIds {
    'gemini': true;
  }
}

export const geminiProtocol: ProtocolModule<'gemini'> = {
  id: 'gemini',
  limits: {},
  finishReasons: FINISH_REASONS,
  checkEventOrder: checkGeminiEventOrder,
  terminalSignal: TERMINAL_SIGNAL,
  loadClient: async () => (await import('./client.ts')).createGeminiClient,
};
