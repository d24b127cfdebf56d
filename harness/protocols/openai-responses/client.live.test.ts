import { describeLiveAgainstLlamaServer } from '../../testing/live-llama-server.ts';
import { createOpenAIResponsesClient } from './client.ts';

describeLiveAgainstLlamaServer('openai-responses', (root) =>
  createOpenAIResponsesClient({ protocol: 'openai-responses', baseUrl: `${root}/v1`, timeoutMs: 120_000, maxRetries: 0 }),
);
