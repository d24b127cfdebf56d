import type { ProtocolId } from '../contract/protocol-client.ts';
import type { ProviderDefinition } from '../contract/provider.ts';
import type { EndpointPlan, Gate } from './cell.ts';

/** Where a provider's endpoint comes from for this run. */
export interface ProviderEndpoint {
  /** Server root URL (before the protocol path), when known. */
  rootUrl?: string;
  /** Where rootUrl came from, for `verify list` and reports. */
  source: 'flag' | 'env' | 'local' | 'default' | 'none';
  apiKeyEnv?: string;
  region?: string;
  modelPath?: string;
  /** Set when no cell of this provider can run (missing credentials or endpoint). */
  gate: Gate;
}

export interface EndpointInputs {
  env: Readonly<Record<string, string | undefined>>;
  /** `--base-url`, valid only with one provider selected. */
  baseUrlFlag?: string;
  /** Root URLs of servers the harness launched (`--local`), by provider id. */
  launched: Readonly<Record<string, { rootUrl: string; apiKeyEnv?: string }>>;
  /** Providers named with `--local` whose server could not be started, with why (e.g. no container runtime). */
  unlaunchable?: Readonly<Record<string, string>>;
  /** Embedded model path, or the reason it could not be resolved. */
  embeddedModel?: { path: string } | { error: string };
}

function joinUrl(root: string, path: string): string {
  return root.replace(/\/+$/, '') + path;
}

export function planProviderEndpoint(provider: ProviderDefinition, inputs: EndpointInputs): ProviderEndpoint {
  const launched = inputs.launched[provider.id];
  const envName = provider.baseUrl?.env;
  const fromEnv = envName ? inputs.env[envName] : undefined;
  let rootUrl: string | undefined;
  let source: ProviderEndpoint['source'] = 'none';
  if (inputs.baseUrlFlag) [rootUrl, source] = [inputs.baseUrlFlag, 'flag'];
  else if (launched) [rootUrl, source] = [launched.rootUrl, 'local'];
  else if (fromEnv) [rootUrl, source] = [fromEnv, 'env'];
  else if (provider.baseUrl?.default) [rootUrl, source] = [provider.baseUrl.default, 'default'];

  const apiKeyEnv = launched?.apiKeyEnv ?? provider.auth?.envVars.find((name) => (inputs.env[name] ?? '') !== '');
  const region = Object.keys(provider.settingsEnv ?? {})
    .map((name) => inputs.env[name])
    .find((value) => value !== undefined && value !== '');

  let gate: Gate = { action: 'run' };
  let modelPath: string | undefined;
  const unlaunchable = inputs.unlaunchable?.[provider.id];
  if (unlaunchable !== undefined) {
    // The user asked for a server the harness starts: never test whatever else the env points at.
    return { source: 'local', apiKeyEnv: undefined, region, gate: { action: 'skipped', reason: unlaunchable } };
  }
  if (provider.kind === 'embedded') {
    const model = inputs.embeddedModel;
    if (!model) gate = { action: 'skipped', reason: 'embedded model not resolved' };
    else if ('error' in model) gate = { action: 'skipped', reason: model.error };
    else modelPath = model.path;
  } else if (provider.auth?.required && !apiKeyEnv) {
    gate = { action: 'skipped', reason: `no credentials: set ${provider.auth.envVars.join(' or ')}` };
  } else if (!rootUrl && provider.kind !== 'cloud') {
    gate = { action: 'skipped', reason: `no endpoint: ${provider.setupHint}` };
  }
  return { rootUrl, source, apiKeyEnv, region, modelPath, gate };
}

/** The endpoint plan of one protocol of a provider, as it travels in a cell. */
export function endpointForProtocol(provider: ProviderDefinition, endpoint: ProviderEndpoint, protocol: ProtocolId): EndpointPlan {
  const path = provider.protocols.find((entry) => entry.protocol === protocol)?.path ?? '';
  return {
    baseUrl: endpoint.rootUrl ? joinUrl(endpoint.rootUrl, path) : undefined,
    apiKeyEnv: endpoint.apiKeyEnv,
    region: endpoint.region,
    modelPath: endpoint.modelPath,
    setupHint: provider.setupHint,
  };
}
