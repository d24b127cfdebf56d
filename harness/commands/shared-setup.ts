import type { ModelListing } from '../contract/protocol-client.ts';
import type { ProviderDefinition } from '../contract/provider.ts';
import { CAPABILITIES, type DeclaredCapabilities } from '../contract/capability.ts';
import type { ProviderEndpoint } from '../matrix/endpoint-plan.ts';
import { createProtocolClient } from '../protocols/registry.ts';
import { listLmStudioModels } from '../endpoints/lm-studio-native.ts';

/** Lists a reachable server's models over the provider's first protocol; undefined when it cannot. */
export async function discoverModels(provider: ProviderDefinition, endpoint: ProviderEndpoint, apiKey: string | undefined): Promise<ModelListing[] | undefined> {
  const first = provider.protocols[0];
  if (!first || !endpoint.rootUrl) return undefined;
  if (provider.nativeModelListing === 'lm-studio-native') {
    const native = await listLmStudioModels(endpoint.rootUrl, { timeoutMs: 3000, apiKey }).catch(() => undefined);
    if (native && native.length > 0) return native;
  }
  const client = await createProtocolClient({
    protocol: first.protocol,
    baseUrl: endpoint.rootUrl.replace(/\/+$/, '') + first.path,
    apiKey,
    timeoutMs: 3000,
    maxRetries: 0,
  });
  try {
    return await client.listModels({ signal: AbortSignal.timeout(3000) });
  } catch {
    return undefined;
  } finally {
    await client.close();
  }
}

/** "chat, tools, !vision" — declared true, and declared false marked with "!", in the contract's order. */
export function describeCapabilities(capabilities: DeclaredCapabilities): string {
  const entries = CAPABILITIES.flatMap((name) => (capabilities[name] === undefined ? [] : [[name, capabilities[name]] as const]));
  if (entries.length === 0) return 'unknown';
  return entries.map(([name, value]) => (value ? name : `!${name}`)).join(', ');
}
