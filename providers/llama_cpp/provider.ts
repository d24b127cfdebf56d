import type { ProviderDefinition } from '../../harness/contract/provider.ts';

/** llama.cpp's llama-server: OpenAI chat, OpenAI responses and Anthropic messages on one port. */
const llamaCpp: ProviderDefinition = {
  id: 'llama_cpp',
  displayName: 'llama.cpp server',
  kind: 'local',
  protocols: [
    { protocol: 'openai-chat', path: '/v1' },
    { protocol: 'openai-responses', path: '/v1' },
    { protocol: 'anthropic-messages', path: '' },
  ],
  baseUrl: { env: 'LLAMA_CPP_BASE_URL' },
  auth: { envVars: ['LLAMA_CPP_API_KEY'], required: false },
  discoverModels: true,
  models: [
    {
      id: 'smollm2-135m-instruct',
      displayName: 'SmolLM2 135M Instruct (Q4_1)',
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
        auth: true,
        tools: true,
        tool_choice: true,
        parallel_tool_calls: false,
        streaming: true,
        streaming_tools: true,
        stream_usage: true,
        reasoning: false,
        structured_output: true,
        vision: false,
      },
    },
  ],
  quirks: [
    {
      name: 'modelFieldIgnored',
      value: true,
      reason: 'llama-server serves the one model it was started with and may answer whatever the request names',
    },
    {
      name: 'grammarConstrainedToolChoice',
      value: true,
      reason: 'with tool_choice "required" (or a named tool) llama-server constrains sampling to a tool-call grammar',
    },
  ],
  setupHint:
    'start llama-server (e.g. `llama-server -m model.gguf --port 8080 --jinja`) and set LLAMA_CPP_BASE_URL=http://127.0.0.1:8080, or pass --local llama_cpp to let the harness start one',
  healthCheck: 'GET /health, then GET /v1/models',
  local: 'llama-server',
  liveVerifiedHere: true,
};

export default llamaCpp;
