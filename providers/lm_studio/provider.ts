import type { ProviderDefinition } from '../../harness/contract/provider.ts';

/** LM Studio's local server: OpenAI-compatible endpoints plus its native REST API under /api/v0. */
const lmStudio: ProviderDefinition = {
  id: 'lm_studio',
  displayName: 'LM Studio',
  kind: 'local',
  protocols: [
    { protocol: 'openai-chat', path: '/v1' },
    { protocol: 'openai-responses', path: '/v1' },
  ],
  baseUrl: { default: 'http://localhost:1234', env: 'LM_STUDIO_BASE_URL' },
  auth: { envVars: ['LM_STUDIO_API_KEY'], required: false },
  discoverModels: true,
  nativeModelListing: 'lm-studio-native',
  models: [],
  quirks: [
    {
      name: 'jitModelLoading',
      value: true,
      reason: 'with just-in-time loading on, /v1/models lists every downloaded model and the first request to one loads it (slow first token)',
    },
    {
      name: 'nativeModelListing',
      value: '/api/v0/models',
      reason: 'the native listing says which models are loaded, their max context length and tool_use capability; /v1/models does not',
    },
    { name: 'apiKeyOptional', value: true, reason: 'the server checks no key unless authentication is turned on in its settings' },
  ],
  setupHint: "start LM Studio's server on :1234 (Developer tab → Start Server, or `lms server start`)",
  healthCheck: 'GET /v1/models; GET /api/v0/models for load state and capabilities',
  liveVerifiedHere: 'no LM Studio server on this machine (desktop app; not installable here)',
};

export default lmStudio;
