import type { ModelListing, ProtocolClient, ProtocolId } from '../contract/protocol-client.ts';
import type { ModelSpec, ProviderDefinition } from '../contract/provider.ts';
import type { ProviderEndpoint } from '../matrix/endpoint-plan.ts';
import { planTarget } from '../matrix/target-plan.ts';
import { createTarget } from '../runner/create-target.ts';
import { discoverModels } from './shared-setup.ts';

export interface ClientTarget {
  provider: ProviderDefinition;
  endpoint: ProviderEndpoint;
  protocol: ProtocolId;
  model: string;
}

/** The pinned metadata of a model, or a bare spec for an id nothing pins. */
export const modelSpec = (provider: ProviderDefinition, id: string): ModelSpec =>
  provider.models.find((model) => model.id === id) ?? { id, displayName: id, capabilities: {} };

/**
 * A protocol client for one provider × model × protocol, planned and built exactly like a cell's
 * target (planTarget + createTarget). The key travels by reference and never leaves the client.
 */
export async function openClient(target: ClientTarget, credential: string | undefined, settings: { timeoutMs: number; maxRetries?: number }): Promise<ProtocolClient> {
  const plan = planTarget(target.provider, modelSpec(target.provider, target.model), target.protocol, target.endpoint, settings.timeoutMs);
  const secretRef = plan.client.secretRef;
  const handle = await createTarget(
    { ...plan, client: { ...plan.client, maxRetries: settings.maxRetries ?? 0 } },
    { secrets: secretRef !== undefined && credential !== undefined ? { [secretRef]: credential } : {} },
  );
  return handle.target.client;
}

/**
 * The endpoint's own model listing: LM Studio's native listing or the first protocol's
 * (GET /v1/models, /api/tags, …); the embedded provider lists its loaded model. Throws the
 * adapter's normalized error when the listing fails.
 */
export async function listEndpointModels(provider: ProviderDefinition, endpoint: ProviderEndpoint, credential: string | undefined, timeoutMs = 5000): Promise<ModelListing[]> {
  const first = provider.protocols[0];
  if (!first) return [];
  if (provider.nativeModelListing) {
    const native = await discoverModels(provider, endpoint, credential);
    if ('models' in native && native.models.length > 0) return native.models;
  }
  const client = await openClient({ provider, endpoint, protocol: first.protocol, model: provider.models[0]?.id ?? 'embedded' }, credential, { timeoutMs });
  try {
    return await client.listModels({ signal: AbortSignal.timeout(timeoutMs) });
  } finally {
    await client.close();
  }
}
