import type { DeclaredCapabilities } from '../../harness/contract/capability.ts';
import type { ProviderDefinition } from '../../harness/contract/provider.ts';
import { CHAT_BASICS, STREAMED_TOOLS } from '../capabilities.ts';
import { GEMINI_PRICES } from './prices.ts';

const gemini25: DeclaredCapabilities = {
  ...CHAT_BASICS,
  ...STREAMED_TOOLS,
  stop_sequences: true,
  seed: true,
  list_models: true,
  auth: true,
  tool_choice: true,
  parallel_tool_calls: true,
  reasoning: true,
  structured_output: true,
  vision: true,
};

/** Google's Gemini API (generativelanguage) through @google/genai. */
const gemini: ProviderDefinition = {
  id: 'gemini',
  displayName: 'Google Gemini API',
  kind: 'cloud',
  protocols: [{ protocol: 'gemini', path: '' }],
  baseUrl: { default: 'https://generativelanguage.googleapis.com', env: 'GEMINI_BASE_URL' },
  auth: { envVars: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'], required: true },
  models: [
    { id: 'gemini-2.5-flash', displayName: 'Gemini 2.5 Flash', contextWindow: 1_048_576, maxOutputTokens: 65_536, capabilities: { ...gemini25 } },
    { id: 'gemini-2.5-pro', displayName: 'Gemini 2.5 Pro', contextWindow: 1_048_576, maxOutputTokens: 65_536, capabilities: { ...gemini25 } },
    { id: 'gemini-2.5-flash-lite', displayName: 'Gemini 2.5 Flash-Lite', contextWindow: 1_048_576, maxOutputTokens: 65_536, capabilities: { ...gemini25 } },
  ],
  quirks: [
    {
      name: 'syntheticToolCallIds',
      value: true,
      reason: 'function calls often carry no id; the adapter assigns synthesized_<n> (marked idSource "synthesized", never judged as the server\'s) and leaves those ids out when sending calls and results back',
    },
    {
      name: 'thinkingCountsAgainstMaxTokens',
      value: true,
      reason: '2.5 models think by default and thinking tokens come out of maxOutputTokens: a small limit can end with MAX_TOKENS and no text (2.5 Pro cannot turn thinking off)',
    },
    {
      name: 'thoughtsOnRequest',
      value: true,
      reason: 'thought summaries are returned only with thinkingConfig.includeThoughts; the adapter does not ask for them',
    },
    { name: 'toolResultNeedsName', value: true, reason: 'a functionResponse names the function it answers; results are paired by name and order' },
    { name: 'badKeyIs400', value: true, reason: 'an invalid API key is answered with 400 INVALID_ARGUMENT (reason API_KEY_INVALID), not 401' },
    { name: 'apiVersion', value: 'v1', reason: '@google/genai 3.x calls the v1 API by default (v1beta before); the adapter takes options.apiVersion to pin another' },
  ],
  prices: GEMINI_PRICES,
  setupHint: 'set GEMINI_API_KEY (or GOOGLE_API_KEY) to a Gemini API key (aistudio.google.com → Get API key)',
  healthCheck: 'GET /v1/models (first page)',
  liveVerifiedHere: 'no Gemini endpoint reachable from this machine (no network beyond package registries)',
};

export default gemini;
