import { describeLiveAgainstLlamaServer } from '../../testing/live-llama-server.ts';
import { createAnthropicMessagesClient } from './client.ts';

describeLiveAgainstLlamaServer('anthropic-messages', (root) =>
  createAnthropicMessagesClient({ protocol: 'anthropic-messages', baseUrl: root, timeoutMs: 120_000, maxRetries: 0 }),
);
