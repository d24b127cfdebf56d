import type { DeclaredCapabilities } from '../../harness/contract/capability.ts';
import type { ProviderDefinition } from '../../harness/contract/provider.ts';
import { CHAT_BASICS, STREAMED_TOOLS } from '../capabilities.ts';
import { OPENAI_PRICES } from './prices.ts';

/** Shared by every model listed here. */
const common: DeclaredCapabilities = {
  ...CHAT_BASICS,
  ...STREAMED_TOOLS,
  list_models: true,
  auth: true,
  tool_choice: true,
  parallel_tool_calls: true,
  structured_output: true,
  vision: true,
};

/**
 * OpenAI's API: Chat Completions and Responses. The gpt-5 family are reasoning models; their
 * `stop`, `seed` and reasoning-text support is left undeclared (unknown: observed at run time).
 */
const openai: ProviderDefinition = {
  id: 'openai',
  displayName: 'OpenAI',
  kind: 'cloud',
  protocols: [
    { protocol: 'openai-chat', path: '/v1' },
    { protocol: 'openai-responses', path: '/v1' },
  ],
  baseUrl: { default: 'https://api.openai.com', env: 'OPENAI_BASE_URL' },
  auth: { envVars: ['OPENAI_API_KEY'], required: true },
  models: [
    { id: 'gpt-5.1', displayName: 'GPT-5.1', contextWindow: 400_000, maxOutputTokens: 128_000, capabilities: { ...common } },
    { id: 'gpt-5-mini', displayName: 'GPT-5 mini', contextWindow: 400_000, maxOutputTokens: 128_000, capabilities: { ...common } },
    {
      id: 'gpt-4.1-mini',
      displayName: 'GPT-4.1 mini',
      contextWindow: 1_047_576,
      maxOutputTokens: 32_768,
      capabilities: { ...common, stop_sequences: true, seed: true, reasoning: false },
    },
  ],
  quirks: [
    {
      name: 'maxCompletionTokens',
      value: true,
      models: ['gpt-5*', 'o[0-9]*'],
      request: { maxTokensField: 'max_completion_tokens' },
      reason: "reasoning models (gpt-5 family) reject `max_tokens` on Chat Completions (\"use 'max_completion_tokens' instead\"); gpt-4.1 accepts both",
    },
    {
      name: 'reasoningModelsFixedSampling',
      value: true,
      models: ['gpt-5*', 'o[0-9]*'],
      request: { omit: ['temperature', 'topP'] },
      reason: 'gpt-5 family reasoning models accept only the default temperature/top_p; other values are answered with 400 unsupported_value',
    },
    {
      name: 'hiddenReasoning',
      value: true,
      reason: 'reasoning tokens are counted but their text is never returned; the Responses API returns summaries only when asked',
    },
    {
      name: 'streamUsageOnRequest',
      value: true,
      reason: 'Chat Completions streams carry usage only with stream_options.include_usage, in a final chunk without choices',
    },
  ],
  prices: OPENAI_PRICES,
  setupHint: 'set OPENAI_API_KEY to an OpenAI API key (platform.openai.com → API keys)',
  healthCheck: 'GET /v1/models',
  liveVerifiedHere: 'no OpenAI endpoint reachable from this machine (no network beyond package registries)',
};

export default openai;
