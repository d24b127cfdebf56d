import type { ProviderDefinition } from '../../harness/contract/provider.ts';

/**
 * Ollama: its native API (/api/*) plus OpenAI chat, OpenAI responses (/v1) and Anthropic
 * messages (/v1/messages) on one port. The harness can start its own `ollama serve`
 * (scripts/setup/ollama.sh builds it) and registers the test GGUF as smollm2-135m-instruct.
 */
const ollama: ProviderDefinition = {
  id: 'ollama',
  displayName: 'Ollama',
  kind: 'local',
  protocols: [
    { protocol: 'ollama-native', path: '' },
    { protocol: 'openai-chat', path: '/v1' },
    { protocol: 'openai-responses', path: '/v1' },
    { protocol: 'anthropic-messages', path: '' },
  ],
  baseUrl: { default: 'http://127.0.0.1:11434', env: 'OLLAMA_BASE_URL' },
  auth: { envVars: ['OLLAMA_API_KEY'], required: false },
  discoverModels: true,
  models: [
    {
      id: 'smollm2-135m-instruct',
      displayName: 'SmolLM2 135M Instruct (Q4_1, registered from GGUF)',
      contextWindow: 8192,
      maxOutputTokens: 2048,
      capabilities: {
        chat: true,
        system_prompt: true,
        multi_turn: true,
        max_tokens: true,
        stop_sequences: true,
        seed: true,
        usage: true,
        list_models: true,
        auth: false,
        tools: false,
        tool_choice: false,
        parallel_tool_calls: false,
        streaming: true,
        streaming_tools: false,
        stream_usage: true,
        reasoning: false,
        structured_output: true,
        vision: false,
      },
    },
  ],
  quirks: [],
  setupHint:
    'start Ollama (`ollama serve`, default http://127.0.0.1:11434) and set OLLAMA_BASE_URL if it listens elsewhere, or pass --local ollama to let the harness build (scripts/setup/ollama.sh) and start one',
  healthCheck: 'GET /api/version, then GET /api/tags',
  local: 'ollama',
  liveVerifiedHere: 'pending',
};

export default ollama;
