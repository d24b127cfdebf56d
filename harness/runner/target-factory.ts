import type { ClientConfig, ProtocolClient } from '../contract/protocol-client.ts';
import type { ModelSpec } from '../contract/provider.ts';
import { effectiveCapabilities } from '../protocols/registry.ts';
import { createProtocolClient } from '../protocols/registry.ts';
import { PROVIDERS } from '../../providers/index.ts';
import type { Cell } from '../matrix/cell.ts';
import type { Target } from '../suite/define.ts';

const DEFAULT_MAX_RETRIES = 2;

function clientConfig(cell: Cell, overrides: Partial<Pick<ClientConfig, 'apiKey' | 'baseUrl'>> = {}): ClientConfig {
  const apiKey = cell.endpoint.apiKeyEnv ? process.env[cell.endpoint.apiKeyEnv] : undefined;
  return {
    protocol: cell.protocol,
    baseUrl: cell.endpoint.baseUrl,
    apiKey,
    region: cell.endpoint.region,
    modelPath: cell.endpoint.modelPath,
    timeoutMs: cell.timeoutMs,
    maxRetries: DEFAULT_MAX_RETRIES,
    options: { modelId: cell.model },
    ...overrides,
  };
}

/**
 * Builds the Target for a cell's provider/model/protocol. Clients made with clientWith() are
 * closed with the target.
 */
export async function createTarget(cell: Cell): Promise<{ target: Target; close(): Promise<void> }> {
  const provider = PROVIDERS.find((entry) => entry.id === cell.provider);
  if (!provider) throw new Error(`unknown provider ${cell.provider}`);
  const model: ModelSpec = provider.models.find((entry) => entry.id === cell.model) ?? {
    id: cell.model,
    displayName: cell.model,
    capabilities: {},
  };
  const extra: ProtocolClient[] = [];
  const client = await createProtocolClient(clientConfig(cell));
  const quirks = provider.quirks ?? [];
  const target: Target = {
    providerId: provider.id,
    providerName: provider.displayName,
    model,
    protocol: cell.protocol,
    capabilities: effectiveCapabilities(model.capabilities, cell.protocol),
    quirks,
    client,
    auth: cell.endpoint.apiKeyEnv ? 'configured' : provider.auth ? 'unknown' : 'none',
    async clientWith(overrides) {
      const other = await createProtocolClient(clientConfig(cell, overrides));
      extra.push(other);
      return other;
    },
    quirk: (name) => quirks.find((quirk) => quirk.name === name)?.value,
  };
  return {
    target,
    async close() {
      await Promise.allSettled([client, ...extra].map((entry) => entry.close()));
    },
  };
}
