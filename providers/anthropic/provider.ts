import type { DeclaredCapabilities } from '../../harness/contract/capability.ts';
import type { ProviderDefinition } from '../../harness/contract/provider.ts';
import { CHAT_BASICS, STREAMED_TOOLS } from '../capabilities.ts';
import { ANTHROPIC_PRICES } from './prices.ts';

const claude: DeclaredCapabilities = {
  ...CHAT_BASICS,
  ...STREAMED_TOOLS,
  stop_sequences: true,
  seed: false,
  list_models: true,
  auth: true,
  tool_choice: true,
  parallel_tool_calls: true,
  reasoning: true,
  vision: true,
};

/** Anthropic's Messages API. Model ids are the dateless aliases, which follow the latest snapshot. */
const anthropic: ProviderDefinition = {
  id: 'anthropic',
  displayName: 'Anthropic',
  kind: 'cloud',
  protocols: [{ protocol: 'anthropic-messages', path: '' }],
  baseUrl: { default: 'https://api.anthropic.com', env: 'ANTHROPIC_BASE_URL' },
  auth: { envVars: ['ANTHROPIC_API_KEY'], required: true },
  models: [
    { id: 'claude-sonnet-4-5', displayName: 'Claude Sonnet 4.5', contextWindow: 200_000, maxOutputTokens: 64_000, capabilities: { ...claude } },
    { id: 'claude-haiku-4-5', displayName: 'Claude Haiku 4.5', contextWindow: 200_000, maxOutputTokens: 64_000, capabilities: { ...claude } },
    { id: 'claude-opus-4-1', displayName: 'Claude Opus 4.1', contextWindow: 200_000, maxOutputTokens: 32_000, capabilities: { ...claude } },
  ],
  quirks: [
    { name: 'maxTokensRequired', value: true, reason: 'the Messages API rejects a request without max_tokens; the adapter must always send one' },
    {
      name: 'temperatureTopPExclusive',
      value: true,
      request: { omit: ['topP'] },
      reason: 'Claude Sonnet 4.5, Haiku 4.5 and Opus 4.1 reject a request that sets both temperature and top_p',
    },
    { name: 'noSeed', value: true, reason: 'the Messages API has no seed parameter' },
    {
      name: 'thinkingOnRequest',
      value: true,
      reason: 'thinking blocks come only with `thinking: {type: "enabled", budget_tokens}`; with thinking on, tool_choice may only be auto or none',
    },
  ],
  prices: ANTHROPIC_PRICES,
  setupHint: 'set ANTHROPIC_API_KEY to an Anthropic API key (console.anthropic.com → API keys)',
  healthCheck: 'GET /v1/models',
  liveVerifiedHere: 'no Anthropic endpoint reachable from this machine (no network beyond package registries)',
};

export default anthropic;
