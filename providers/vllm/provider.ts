import type { ProviderDefinition } from '../../harness/contract/provider.ts';

/** vLLM's OpenAI-compatible server. It serves the model(s) it was started with: taken from /v1/models. */
const vllm: ProviderDefinition = {
  id: 'vllm',
  displayName: 'vLLM',
  kind: 'local',
  protocols: [
    { protocol: 'openai-chat', path: '/v1' },
    { protocol: 'openai-responses', path: '/v1' },
  ],
  baseUrl: { default: 'http://127.0.0.1:8000', env: 'VLLM_BASE_URL' },
  auth: { envVars: ['VLLM_API_KEY'], required: false },
  discoverModels: true,
  models: [],
  quirks: [
    {
      name: 'toolCallingNeedsServerFlags',
      value: true,
      reason: 'tool_choice "auto" works only when the server was started with --enable-auto-tool-choice and a --tool-call-parser matching the model; otherwise the request is rejected',
    },
    {
      name: 'modelIdIsServedName',
      value: true,
      reason: 'the model id is the path or Hugging Face name given to `vllm serve`, or --served-model-name when set',
    },
    { name: 'apiKeyOnlyWhenStartedWithOne', value: true, reason: 'the server checks a bearer key only when started with --api-key (or VLLM_API_KEY)' },
  ],
  setupHint:
    'start vLLM with `vllm serve <model> --port 8000` (add `--enable-auto-tool-choice --tool-call-parser <parser>` for tools) and set VLLM_BASE_URL if it is not on http://127.0.0.1:8000',
  healthCheck: 'GET /health, then GET /v1/models',
  healthEndpoint: { path: '/health' },
  liveVerifiedHere: 'no vLLM server on this machine (no GPU; not run here)',
};

export default vllm;
