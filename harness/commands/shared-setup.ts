import type { ProviderDefinition } from '../contract/provider.ts';
import { CAPABILITIES, type DeclaredCapabilities } from '../contract/capability.ts';
import { VerifyError } from '../contract/verify-error.ts';
import type { ProviderEndpoint } from '../matrix/endpoint-plan.ts';
import type { DiscoveryResult } from '../matrix/plan-run.ts';
import { createProtocolClient } from '../protocols/registry.ts';
import { listLmStudioModels } from '../endpoints/lm-studio-native.ts';

const DISCOVERY_TIMEOUT_MS = 5000;

/** Lists a server's models over the provider's first protocol, or returns the normalized error of the listing. */
export async function discoverModels(provider: ProviderDefinition, endpoint: ProviderEndpoint, apiKey: string | undefined): Promise<DiscoveryResult> {
  const first = provider.protocols[0];
  if (!first || !endpoint.rootUrl) return { models: [] };
  if (provider.nativeModelListing === 'lm-studio-native') {
    const native = await listLmStudioModels(endpoint.rootUrl, { timeoutMs: DISCOVERY_TIMEOUT_MS, apiKey }).catch(() => undefined);
    if (native && native.length > 0) return { models: native };
  }
  const client = await createProtocolClient({
    protocol: first.protocol,
    baseUrl: endpoint.rootUrl.replace(/\/+$/, '') + first.path,
    apiKey,
    timeoutMs: DISCOVERY_TIMEOUT_MS,
    maxRetries: 0,
  });
  try {
    return { models: await client.listModels({ signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) }) };
  } catch (error) {
    if (error instanceof VerifyError) return { error };
    throw error;
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
