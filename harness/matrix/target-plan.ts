import type { ProtocolId } from '../contract/protocol-client.ts';
import type { ModelSpec, ProviderDefinition } from '../contract/provider.ts';
import { effectiveCapabilities } from '../protocols/registry.ts';
import type { TargetPlan } from './cell.ts';
import type { ProviderEndpoint } from './endpoint-plan.ts';
import { capabilitiesAfterQuirks, quirksForModel } from './quirks.ts';

/** Retries of a protocol client (the SDK's own retry loop) on retryable errors. */
export const DEFAULT_MAX_RETRIES = 2;

/** The root URL with the protocol's path appended to its path (a query, e.g. `?api_key=`, stays a query). */
function joinUrl(root: string, path: string): string {
  try {
    const url = new URL(root);
    if (url.search || url.username || url.password) {
      url.pathname = url.pathname.replace(/\/+$/, '') + path;
      return url.toString();
    }
  } catch {
    // not a URL: joined as text below
  }
  return root.replace(/\/+$/, '') + path;
}

/**
 * The whole target of one provider × model × protocol, as it travels in a cell: the resolved model
 * (pinned, or learned from the server's listing), the capabilities a test can count on, the
 * provider's quirks and the client settings. Plain data; the credential is a reference only.
 */
export function planTarget(provider: ProviderDefinition, model: ModelSpec, protocol: ProtocolId, endpoint: ProviderEndpoint, timeoutMs: number): TargetPlan {
  const protocolEndpoint = provider.protocols.find((entry) => entry.protocol === protocol);
  const path = protocolEndpoint?.path ?? '';
  const quirks = quirksForModel(provider.quirks, model.id);
  const declared = { ...model.capabilities, ...protocolEndpoint?.capabilities };
  return {
    providerId: provider.id,
    providerName: provider.displayName,
    model,
    capabilities: effectiveCapabilities(capabilitiesAfterQuirks(declared, quirks), protocol),
    quirks,
    auth: endpoint.credential ? 'configured' : provider.auth ? 'unknown' : 'none',
    setupHint: provider.setupHint,
    rootUrl: endpoint.rootUrl,
    onUnreachable: endpoint.onUnreachable,
    healthEndpoint: provider.healthEndpoint && endpoint.rootUrl ? { ...provider.healthEndpoint, url: joinUrl(endpoint.rootUrl, provider.healthEndpoint.path) } : undefined,
    client: {
      protocol,
      baseUrl: endpoint.rootUrl ? joinUrl(endpoint.rootUrl, path) : undefined,
      region: endpoint.region,
      modelPath: endpoint.modelPath,
      modelId: model.id,
      ...(protocolEndpoint?.apiVersion ? { apiVersion: protocolEndpoint.apiVersion } : {}),
      secretRef: endpoint.credential?.ref,
      timeoutMs,
      maxRetries: DEFAULT_MAX_RETRIES,
    },
  };
}
