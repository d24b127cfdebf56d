import type { ProviderDefinition } from '../../harness/contract/provider.ts';
import { CHAT_BASICS, STREAMED_TOOLS } from '../capabilities.ts';

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
      // The GGUF was trained on 8192; --local starts one slot per parallel request with 4096 each
      // (--ctx-size 8192 --parallel 2), so 4096 is the window a request gets.
      contextWindow: 4096,
      maxOutputTokens: 2048,
      // n_embd of SmolLM2-135M (GGUF llama.embedding_length); /v1/embeddings mean-pools it
      embeddingDimensions: 576,
      capabilities: {
        ...CHAT_BASICS,
        ...STREAMED_TOOLS,
        stop_sequences: true,
        seed: true,
        list_models: true,
        auth: true,
        tool_choice: true,
        parallel_tool_calls: false,
        reasoning: false,
        // Sources: llama.cpp tools/server/README.md at de3ff81 and its routes in server.cpp.
        // response_format json_schema / json_object become a grammar (enforced)
        structured_output: true,
        json_mode: true,
        // /v1/embeddings, served by a second server started with --embeddings (the launcher does)
        embeddings: true,
        // /v1/messages/count_tokens and /v1/responses/input_tokens count with the model's tokenizer
        token_counting: true,
        // cache_prompt is on by default: prompt_tokens_details.cached_tokens / cache_read_input_tokens
        prompt_caching: true,
        // no multimodal projector (--mmproj) for this model
        vision: false,
        pdf_input: false,
      },
    },
  ],
  // --local starts llama-server with --parallel 2 (one request per slot; more wait in its queue)
  parallelRequests: 2,
  embeddingsBaseUrl: { env: 'LLAMA_CPP_EMBEDDINGS_BASE_URL' },
  quirks: [
    {
      name: 'modelFieldIgnored',
      value: true,
      reason: 'llama-server serves the one model it was started with and may answer whatever the request names',
    },
    {
      name: 'toolsNeedToolCapableTemplate',
      value: true,
      reason:
        'llama-server (de3ff81) builds a tool-call grammar only when the chat template has a tools section; SmolLM2\'s own template has none, so tools and tool_choice "required" are silently ignored (answer is text, finish stop)',
    },
    {
      name: 'requiredToolChoiceAllowsTextFirst',
      value: true,
      reason:
        'even with a tool-capable template the "required" grammar allows free text before the call marker, so a small model may never call; fixtures/chat-templates/smollm2-required-cohere2moe.jinja (LLAMA_CPP_CHAT_TEMPLATE_FILE) forces the call but breaks auto/none',
    },
    {
      name: 'namedToolChoiceUnsupported',
      value: true,
      reason: 'tool_choice must be a string on /v1/chat/completions (an object is logged and treated as "auto"); /v1/messages maps {type:"tool"} to "required" and drops the name',
    },
  ],
  setupHint:
    'start llama-server (e.g. `llama-server -m model.gguf --port 8080 --jinja`) and set LLAMA_CPP_BASE_URL=http://127.0.0.1:8080, or pass --local llama_cpp to let the harness start one',
  healthCheck: 'GET /health (status ok), then the protocol\'s model listing',
  healthEndpoint: { path: '/health', expect: { status: 'ok' } },
  local: 'llama-server',
  liveVerifiedHere: true,
};

export default llamaCpp;
