import type { ProtocolModule } from '../protocol-module.ts';
import { checkOllamaNativeEventOrder } from './event-order.ts';
import { FINISH_REASONS } from './finish-reason.ts';
import { TERMINAL_SIGNAL } from './terminal-signal.ts';

declare module '../../contract/protocol-client.ts' {
  interface ProtocolIds {
    'ollama-native': true;
  }
}

export const ollamaNativeProtocol: ProtocolModule<'ollama-native'> = {
  id: 'ollama-native',
  // Ollama's native API has no tool_choice.
  limits: {
    tool_choice: false,
    tool_choice_none: false,
    // no counting endpoint, no cached-token field in /api/chat's counters, no document part (images only)
    token_counting: false,
    prompt_caching: false,
    pdf_input: false,
  },
  finishReasons: FINISH_REASONS,
  checkEventOrder: checkOllamaNativeEventOrder,
  terminalSignal: TERMINAL_SIGNAL,
  loadClient: async () => (await import('./client.ts')).createOllamaNativeClient,
};
