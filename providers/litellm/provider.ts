import type { ProviderDefinition } from '../../harness/contract/provider.ts';
import { CHAT_BASICS, STREAMED_TOOLS } from '../capabilities.ts';

/**
 * The LiteLLM proxy (a gateway): one port speaking OpenAI chat and responses, Anthropic messages and
 * Google's generateContent, translating each to whatever model its config routes the name to.
 * `--local litellm` starts a llama-server with the test model and a LiteLLM proxy in front of it
 * (scripts/setup/litellm.sh installs the proxy), so every verdict here is the gateway's translation
 * of the protocol over llama-server, never the protocol's original vendor.
 */
const litellm: ProviderDefinition = {
  id: 'litellm',
  displayName: 'LiteLLM proxy',
  kind: 'local',
  protocols: [
    { protocol: 'openai-chat', path: '/v1' },
    { protocol: 'openai-responses', path: '/v1' },
    { protocol: 'anthropic-messages', path: '' },
    {
      protocol: 'gemini',
      path: '',
      // LiteLLM serves Google's routes under /v1beta/models/<model>:generateContent (and /models/…).
      apiVersion: 'v1beta',
      // Its documented Google surface is generateContent, streamGenerateContent and countTokens:
      // no GET /v1beta/models listing.
      capabilities: { list_models: false },
    },
  ],
  baseUrl: { env: 'LITELLM_BASE_URL' },
  // A virtual key or the master key; `--local litellm` generates a master key when none is set.
  auth: { envVars: ['LITELLM_API_KEY'], required: false },
  discoverModels: true,
  models: [
    {
      // The model name `--local litellm` routes to its llama-server (openai/<alias>); against another
      // deployment, models come from its /v1/models listing or are pinned with --model.
      id: 'smollm2-135m-instruct',
      displayName: 'SmolLM2 135M Instruct (Q4_1) via LiteLLM → llama-server',
      // --local litellm starts its llama-server with the default context: 4096 tokens a request
      // (a 6,116-token prompt is refused with "exceeds the available context size (4096 tokens)").
      contextWindow: 4096,
      maxOutputTokens: 2048,
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
        structured_output: true,
        // the backend has no multimodal projector and no PDF input (llama-server: "'input_file' is not supported")
        vision: false,
        pdf_input: false,
      },
    },
  ],
  quirks: [
    {
      name: 'gatewayTranslates',
      value: true,
      reason:
        'every protocol is translated by LiteLLM to the routed model\'s own API (here OpenAI chat on llama-server): a verdict is the gateway\'s translation plus the backend, not the protocol\'s original vendor',
    },
    {
      name: 'localBackendIgnoresTools',
      value: true,
      reason:
        '--local litellm routes to llama-server with SmolLM2\'s own template, which has no tools section: tools and tool_choice are ignored upstream (as with --local llama_cpp), whatever the gateway forwards',
      models: ['smollm2-135m-instruct'],
    },
    {
      name: 'geminiRoutesUnderV1beta',
      value: 'v1beta',
      reason: 'LiteLLM serves generateContent/streamGenerateContent under /v1beta/models/… (and /models/…); @google/genai is pinned to apiVersion v1beta here',
    },
  ],
  setupHint:
    'point LITELLM_BASE_URL at a running LiteLLM proxy (e.g. http://127.0.0.1:4000) and set LITELLM_API_KEY to a virtual key or the master key, or pass --local litellm to let the harness install (scripts/setup/litellm.sh) and start one in front of a llama-server',
  healthCheck: 'GET /health/liveliness (no key needed), then the protocol\'s own health call (model listing)',
  healthEndpoint: { path: '/health/liveliness' },
  local: 'litellm',
  gateway: 'LiteLLM proxy',
  liveVerifiedHere: true,
};

export default litellm;
