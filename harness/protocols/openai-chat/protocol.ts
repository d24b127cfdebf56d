import type { ProtocolModule } from '../protocol-module.ts';
import { checkOpenAIChatEventOrder } from './event-order.ts';
import { FINISH_REASONS } from './finish-reason.ts';
import { TERMINAL_SIGNAL } from './terminal-signal.ts';

declare module '../../contract/protocol-client.ts' {
  interface ProtocolIds {
    'openai-chat': true;
  }
}

export const openAIChatProtocol: ProtocolModule<'openai-chat'> = {
  id: 'openai-chat',
  limits: {
    // Chat Completions has no token-counting call (the Responses API has POST /responses/input_tokens)
    token_counting: false,
  },
  finishReasons: FINISH_REASONS,
  checkEventOrder: checkOpenAIChatEventOrder,
  terminalSignal: TERMINAL_SIGNAL,
  loadClient: async () => (await import('./client.ts')).createOpenAIChatClient,
};
