import type { ProtocolModule } from '../protocol-module.ts';
import { checkBedrockConverseEventOrder } from './event-order.ts';
import { FINISH_REASONS } from './finish-reason.ts';

declare module '../../contract/protocol-client.ts' {
  interface ProtocolIds {
    'bedrock-converse': true;
  }
}

export const bedrockConverseProtocol: ProtocolModule<'bedrock-converse'> = {
  id: 'bedrock-converse',
  // Converse's inferenceConfig has no seed.
  limits: { seed: false },
  finishReasons: FINISH_REASONS,
  checkEventOrder: checkBedrockConverseEventOrder,
  loadClient: async () => (await import('./client.ts')).createBedrockConverseClient,
};
