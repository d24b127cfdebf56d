import type { DeclaredCapabilities } from '../../harness/contract/capability.ts';
import type { ProviderDefinition } from '../../harness/contract/provider.ts';
import { CHAT_BASICS, STREAMED_TOOLS } from '../capabilities.ts';
import { OPENROUTER_PRICES } from './prices.ts';

/** What every routed model declares; the rest depends on the model (and may vary by upstream). */
const routed: DeclaredCapabilities = {
  ...CHAT_BASICS,
  ...STREAMED_TOOLS,
  list_models: true,
  auth: true,
};

/** OpenRouter: one OpenAI-compatible endpoint routing to many upstream providers. */
const openrouter: ProviderDefinition = {
  id: 'openrouter',
  displayName: 'OpenRouter',
  kind: 'cloud',
  protocols: [{ protocol: 'openai-chat', path: '/v1' }],
  baseUrl: { default: 'https://openrouter.ai/api', env: 'OPENROUTER_BASE_URL' },
  auth: { envVars: ['OPENROUTER_API_KEY'], required: true },
  models: [
    {
      id: 'openai/gpt-5-mini',
      displayName: 'GPT-5 mini (via OpenRouter)',
      contextWindow: 400_000,
      capabilities: { ...routed, tool_choice: true, parallel_tool_calls: true, structured_output: true, vision: true },
    },
    {
      id: 'anthropic/claude-haiku-4.5',
      displayName: 'Claude Haiku 4.5 (via OpenRouter)',
      contextWindow: 200_000,
      capabilities: { ...routed, stop_sequences: true, tool_choice: true, parallel_tool_calls: true, vision: true },
    },
    {
      id: 'meta-llama/llama-3.3-70b-instruct',
      displayName: 'Llama 3.3 70B Instruct (via OpenRouter)',
      contextWindow: 131_072,
      capabilities: { ...routed, stop_sequences: true, reasoning: false, vision: false },
    },
  ],
  quirks: [
    {
      name: 'upstreamRouting',
      value: true,
      reason: 'each request may be served by a different upstream provider, so support for tools, stop or seed can vary between runs (use --repeat)',
    },
    {
      name: 'sseKeepAliveComments',
      value: true,
      reason: 'streams may hold ": OPENROUTER PROCESSING" comment lines while the upstream is slow; SSE parsers must skip them',
    },
    {
      name: 'openaiReasoningModelsFixedSampling',
      value: true,
      reason: 'requests for openai/gpt-5* are passed to OpenAI, whose reasoning models accept only the default temperature/top_p',
      models: ['openai/gpt-5*', 'openai/o[0-9]*'],
      request: { omit: ['temperature', 'topP'] },
    },
    { name: 'vendorPrefixedModelIds', value: true, reason: 'model ids are <vendor>/<model> and differ from the vendors\' own ids (claude-haiku-4.5, not claude-haiku-4-5)' },
  ],
  prices: OPENROUTER_PRICES,
  setupHint: 'set OPENROUTER_API_KEY to an OpenRouter API key (openrouter.ai → Keys)',
  healthCheck: 'GET /api/v1/models',
  liveVerifiedHere: 'no OpenRouter endpoint reachable from this machine (no network beyond package registries)',
};

export default openrouter;
