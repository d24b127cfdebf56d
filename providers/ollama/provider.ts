import type { ProviderDefinition } from '../../harness/contract/provider.ts';
import { CHAT_BASICS } from '../capabilities.ts';

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
      // Ollama names a created model <name>:latest and lists it so; pinning the full name keeps
      // list_models exact on every endpoint.
      id: 'smollm2-135m-instruct:latest',
      displayName: 'SmolLM2 135M Instruct (Q4_1, registered from GGUF)',
      // The GGUF says 8192 (what /api/show reports), but Ollama serves it with num_ctx 4096 by default
      // (serve log: default_num_ctx=4096) and by default truncates longer prompts (not verified here).
      contextWindow: 4096,
      maxOutputTokens: 2048,
      capabilities: {
        ...CHAT_BASICS,
        stop_sequences: true,
        seed: true,
        list_models: true,
        // Ollama checks no key: a wrong one is accepted
        auth: false,
        // registered with fixtures/chat-templates/smollm2-tools.ollama.tmpl (uses .Tools): /api/show lists "tools"
        tools: true,
        // /api/chat has no tool_choice (see the noNativeToolChoice quirk)
        tool_choice: false,
        parallel_tool_calls: false,
        streaming: true,
        stream_usage: true,
        reasoning: false,
        // grammar-constrained: /api/chat `format` and /v1 response_format json_schema both gave valid JSON here
        structured_output: true,
        // Sources: docs/api.md of Ollama v0.17.4 (format "json", /api/embed) and its OpenAI/Anthropic compatibility pages.
        json_mode: true,
        // no tokenize or count endpoint in its API (native, /v1 or /v1/messages)
        token_counting: false,
        // no cached-token field in any of its usage reports (it reuses the KV cache silently)
        prompt_caching: false,
        vision: false,
        // documents are not an input of /api/chat (images only)
        pdf_input: false,
      },
    },
  ],
  // the launcher (and ollama-launcher.ts) sets OLLAMA_NUM_PARALLEL=1
  parallelRequests: 1,
  quirks: [
    {
      name: 'toolsNeedTemplate',
      value: true,
      reason:
        'Ollama refuses tools with HTTP 400 "<model> does not support tools" unless the model template uses .Tools; the autodetected chatml template of this GGUF has none, so the harness registers it with fixtures/chat-templates/smollm2-tools.ollama.tmpl (Hermes <tool_call> format)',
    },
    {
      name: 'noNativeToolChoice',
      value: true,
      reason: "/api/chat has no tool_choice: the ollama-native adapter sends no tools for 'none' and rejects 'required' or a named tool as invalid_request",
    },
    {
      name: 'responsesStatusIgnoresMaxTokens',
      value: true,
      reason: 'observed on 0.17.4: /v1/responses answers status "completed" with incomplete_details null (and streams response.completed) when max_output_tokens cut the answer',
    },
    {
      name: 'messagesStartUsageEstimate',
      value: true,
      reason: 'observed on 0.17.4: a streamed /v1/messages message_start carries input_tokens 3 while the final message_delta says 12',
    },
    {
      name: 'noAuth',
      value: true,
      reason: 'a local Ollama checks no API key (any Authorization is accepted); OLLAMA_API_KEY matters only behind an authenticating proxy or for ollama.com',
    },
    {
      name: 'defaultNumCtx',
      value: 4096,
      reason: 'on CPU Ollama 0.17.4 runs models with num_ctx 4096 unless OLLAMA_CONTEXT_LENGTH or options.num_ctx says otherwise, and by default (api.ChatRequest.Truncate nil = true, per the 0.17.4 source) drops older messages of a longer prompt instead of failing',
    },
    {
      name: 'listedNamesHaveTag',
      value: ':latest',
      reason: 'GET /api/tags and /v1/models list "smollm2-135m-instruct:latest"; requests may omit the tag',
    },
  ],
  setupHint:
    'start Ollama (`ollama serve`, default http://127.0.0.1:11434) and set OLLAMA_BASE_URL if it listens elsewhere, or pass --local ollama to let the harness build (scripts/setup/ollama.sh) and start one',
  healthCheck: 'GET /api/version, then the protocol\'s own health call (model listing)',
  healthEndpoint: { path: '/api/version', versionField: 'version', versionPrefix: 'ollama' },
  local: 'ollama',
  liveVerifiedHere: true,
};

export default ollama;
