import type { ProviderDefinition } from '../../harness/contract/provider.ts';

/** Any server that speaks OpenAI chat completions; its models come from GET /v1/models. */
const openaiCompatible: ProviderDefinition = {
  id: 'openai_compatible',
  displayName: 'OpenAI-compatible server',
  kind: 'local',
  protocols: [{ protocol: 'openai-chat', path: '' }],
  baseUrl: { env: 'OPENAI_COMPATIBLE_BASE_URL' },
  auth: { envVars: ['OPENAI_COMPATIBLE_API_KEY'], required: false },
  discoverModels: true,
  models: [],
  setupHint: 'set OPENAI_COMPATIBLE_BASE_URL to the server\'s OpenAI base URL (ending in /v1), e.g. http://127.0.0.1:8000/v1',
  healthCheck: 'GET /models',
  liveVerifiedHere: true,
};

export default openaiCompatible;
