import type { ProtocolModule } from '../protocol-module.ts';
import { checkBedrockConverseEventOrder } from './event-order.ts';
import { FINISH_REASONS } from './finish-reason.ts';
import { TERMINAL_SIGNAL } from './terminal-signal.ts';

declare module '../../contract/protocol-client.ts' {
  interface ProtocolIds {
    'bedrock-converse': true;
  }
}

export const bedrockConverseProtocol: ProtocolModule<'bedrock-converse'> = {
  id: 'bedrock-converse',
  // Converse's inferenceConfig has no seed; its toolChoice knows auto | any | tool, not none.
  limits: {
    seed: false,
    tool_choice_none: false,
    // embeddings are InvokeModel calls of embedding models, not Converse; outputConfig.textFormat takes a JSON schema only
    embeddings: false,
    json_mode: false,
  },
  finishReasons: FINISH_REASONS,
  checkEventOrder: checkBedrockConverseEventOrder,
  terminalSignal: TERMINAL_SIGNAL,
  loadClient: async () => (await import('./client.ts')).createBedrockConverseClient,
};
