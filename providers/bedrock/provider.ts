import type { ProviderDefinition } from '../../harness/contract/provider.ts';
import { CHAT_BASICS, STREAMED_TOOLS } from '../capabilities.ts';
import { BEDROCK_PRICES } from './prices.ts';

/**
 * Amazon Bedrock through the Converse API. Credentials come from the AWS default chain
 * (environment keys, profile, SSO, ...) or a Bedrock API key (AWS_BEARER_TOKEN_BEDROCK).
 * Model ids are cross-region inference profiles (us.*): newer models cannot be invoked on-demand
 * by their bare model id.
 */
const bedrock: ProviderDefinition = {
  id: 'bedrock',
  displayName: 'Amazon Bedrock (Converse)',
  kind: 'cloud',
  protocols: [{ protocol: 'bedrock-converse', path: '' }],
  baseUrl: { env: 'BEDROCK_BASE_URL' },
  auth: { envVars: ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'AWS_BEARER_TOKEN_BEDROCK'], required: true },
  secretEnv: ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
  settingsEnv: { AWS_REGION: 'AWS region of the Bedrock runtime endpoint (default us-east-1; us.* inference profiles need a US region)' },
  models: [
    {
      id: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
      displayName: 'Claude Haiku 4.5 (US inference profile)',
      contextWindow: 200_000,
      maxOutputTokens: 64_000,
      capabilities: {
        ...CHAT_BASICS,
        ...STREAMED_TOOLS,
        stop_sequences: true,
        seed: false,
        list_models: false,
        auth: true,
        tool_choice: true,
        parallel_tool_calls: true,
        reasoning: true,
        vision: true,
      },
    },
    {
      id: 'us.amazon.nova-micro-v1:0',
      displayName: 'Amazon Nova Micro (US inference profile)',
      contextWindow: 128_000,
      capabilities: {
        ...CHAT_BASICS,
        ...STREAMED_TOOLS,
        stop_sequences: true,
        seed: false,
        list_models: false,
        auth: true,
        reasoning: false,
        vision: false,
      },
    },
    {
      id: 'us.amazon.nova-lite-v1:0',
      displayName: 'Amazon Nova Lite (US inference profile)',
      contextWindow: 300_000,
      capabilities: {
        ...CHAT_BASICS,
        ...STREAMED_TOOLS,
        stop_sequences: true,
        seed: false,
        list_models: false,
        auth: true,
        reasoning: false,
        vision: true,
      },
    },
  ],
  quirks: [
    {
      name: 'noModelListing',
      value: true,
      reason: 'the bedrock-runtime API has no listing; ListFoundationModels belongs to the control-plane API (service "bedrock")',
    },
    {
      name: 'inferenceProfileIds',
      value: true,
      reason: "Claude 4.5 and Nova must be invoked through an inference profile (us./eu./apac. prefix); the bare model id fails with \"on-demand throughput isn't supported\"",
    },
    {
      name: 'noToolChoiceNone',
      value: true,
      reason: 'Converse toolChoice knows auto, any and tool only; for "none" the adapter omits the tools',
    },
    {
      name: 'toolConfigRequiredWithToolHistory',
      value: true,
      reason: 'a conversation holding toolUse/toolResult blocks is rejected unless the request also carries toolConfig',
    },
    { name: 'noSeed', value: true, reason: 'Converse has no seed in inferenceConfig' },
    {
      name: 'http2Only',
      value: true,
      reason: 'the AWS SDK talks HTTP/2 to bedrock-runtime; a BEDROCK_BASE_URL proxy must speak HTTP/2 (an HTTP/1.1 listener fails with ERR_HTTP2_ERROR, seen here)',
    },
  ],
  prices: BEDROCK_PRICES,
  setupHint:
    'configure AWS credentials (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or a Bedrock API key in AWS_BEARER_TOKEN_BEDROCK), set AWS_REGION (e.g. us-east-1) and make sure the account has access to the models',
  healthCheck: 'an authenticated ListAsyncInvokes (maxResults 1): the runtime API\'s cheapest call that checks the credential and the region',
  liveVerifiedHere: 'no AWS Bedrock endpoint reachable from this machine (no network beyond package registries)',
};

export default bedrock;
