import type { ModelListing, ProtocolClient, ProtocolId } from '../contract/protocol-client.ts';
import type { ProviderDefinition } from '../contract/provider.ts';
import { endpointForProtocol, type ProviderEndpoint } from '../matrix/endpoint-plan.ts';
import { createProtocolClient } from '../protocols/registry.ts';
import { discoverModels } from './shared-setup.ts';

export interface ClientTarget {
  provider: ProviderDefinition;
  endpoint: ProviderEndpoint;
  protocol: ProtocolId;
  model: string;
}

/**
 * A protocol client for one provider endpoint, built by the same protocol registry the runner
 * uses. The key is read from the env var the endpoint plan named; it never leaves the client.
 */
export async function openClient(target: ClientTarget, env: NodeJS.ProcessEnv, settings: { timeoutMs: number; maxRetries?: number }): Promise<ProtocolClient> {
  const plan = endpointForProtocol(target.provider, target.endpoint, target.protocol);
  return createProtocolClient({
    protocol: target.protocol,
    baseUrl: plan.baseUrl,
    apiKey: plan.apiKeyEnv ? env[plan.apiKeyEnv] : undefined,
    region: plan.region,
    modelPath: plan.modelPath,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries ?? 0,
    options: { modelId: target.model },
  });
}

/**
 * The endpoint's own model listing: LM Studio's native listing or the first protocol's
 * (GET /v1/models, /api/tags, …); the embedded provider lists its loaded model. Throws the
 * adapter's normalized error when the listing fails.
 */
export async function listEndpointModels(provider: ProviderDefinition, endpoint: ProviderEndpoint, env: NodeJS.ProcessEnv, timeoutMs = 5000): Promise<ModelListing[]> {
  const first = provider.protocols[0];
  if (!first) return [];
  if (provider.nativeModelListing) {
    const native = await discoverModels(provider, endpoint, env);
    if (native && native.length > 0) return native;
  }
  const client = await openClient({ provider, endpoint, protocol: first.protocol, model: provider.models[0]?.id ?? 'embedded' }, env, { timeoutMs });
  try {
    return await client.listModels({ signal: AbortSignal.timeout(timeoutMs) });
  } finally {
    await client.close();
  }
}
