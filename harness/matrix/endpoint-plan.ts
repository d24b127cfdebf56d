import type { ProviderDefinition } from '../contract/provider.ts';
import type { Gate } from './cell.ts';

/** Where a provider's endpoint comes from for this run. Never holds a secret's value. */
export interface ProviderEndpoint {
  /** Server root URL (before the protocol path), when known. */
  rootUrl?: string;
  /** Root URL of a separate embeddings server (the launched one, or the provider's embeddingsBaseUrl env var). */
  embeddingsRootUrl?: string;
  /** Where rootUrl came from, for `verify list` and reports. */
  source: 'flag' | 'env' | 'local' | 'default' | 'none';
  /** Where the credential comes from, when one is configured: its env var's name, or the server the harness launched. */
  credential?: { ref: string; from: string };
  region?: string;
  modelPath?: string;
  /**
   * What an unreachable endpoint means: `error` when the user configured it (flag, env var, --local,
   * or credentials), `skipped` for a default address nobody set up, or with --skip-unreachable.
   */
  onUnreachable: 'error' | 'skipped';
  /** Set when no cell of this provider can run (missing credentials or endpoint). */
  gate: Gate;
}

/** A server the harness launched (`--local`): its root URL and the key it checks, if any. */
export interface LaunchedServer {
  rootUrl: string;
  /** A second server the launcher started for embeddings (llama-server --embeddings). */
  embeddingsRootUrl?: string;
  apiKey?: string;
}

export interface EndpointInputs {
  env: Readonly<Record<string, string | undefined>>;
  /** `--base-url`, valid only with one provider selected. */
  baseUrlFlag?: string;
  /** Servers the harness launched (`--local`), by provider id. */
  launched: Readonly<Record<string, LaunchedServer>>;
  /** Providers named with `--local` whose server could not be started, with why (e.g. no container runtime). */
  unlaunchable?: Readonly<Record<string, string>>;
  /** Embedded model path, or the reason it could not be resolved. */
  embeddedModel?: { path: string } | { error: string };
  /** `--skip-unreachable`: an unreachable endpoint is `skipped` even when configured (laptops). */
  skipUnreachable?: boolean;
}

/** What `credential.from` says for a key of a server the harness launched. */
export const LAUNCHED_CREDENTIAL = '--local';

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
  const embeddingsEnv = provider.embeddingsBaseUrl ? inputs.env[provider.embeddingsBaseUrl.env] : undefined;
  // With --base-url the user names one server: embeddings go there too unless the env var says otherwise.
  const embeddingsRootUrl = source === 'local' ? launched?.embeddingsRootUrl : embeddingsEnv || undefined;

  const credentialFrom = launched?.apiKey ? LAUNCHED_CREDENTIAL : provider.auth?.envVars.find((name) => (inputs.env[name] ?? '') !== '');
  const credential = credentialFrom ? { ref: provider.id, from: credentialFrom } : undefined;
  const region = Object.keys(provider.settingsEnv ?? {})
    .map((name) => inputs.env[name])
    .find((value) => value !== undefined && value !== '');

  const unlaunchable = inputs.unlaunchable?.[provider.id];
  if (unlaunchable !== undefined) {
    // The user asked for a server the harness starts: never test whatever else the env points at.
    return { source: 'local', region, onUnreachable: 'skipped', gate: { action: 'skipped', reason: unlaunchable } };
  }

  let gate: Gate = { action: 'run' };
  let modelPath: string | undefined;
  if (provider.kind === 'embedded') {
    const model = inputs.embeddedModel;
    if (!model) gate = { action: 'skipped', reason: 'embedded model not resolved' };
    else if ('error' in model) gate = { action: 'skipped', reason: model.error };
    else modelPath = model.path;
  } else if (provider.auth?.required && !credential) {
    gate = { action: 'skipped', reason: `no credentials: set ${provider.auth.envVars.join(' or ')}` };
  } else if (!rootUrl && provider.kind !== 'cloud') {
    gate = { action: 'skipped', reason: `no endpoint: ${provider.setupHint}` };
  }
  const configured = source === 'flag' || source === 'env' || source === 'local' || credential !== undefined;
  const onUnreachable = configured && !inputs.skipUnreachable ? 'error' : 'skipped';
  return { rootUrl, ...(embeddingsRootUrl ? { embeddingsRootUrl } : {}), source, credential, region, modelPath, onUnreachable, gate };
}

/** The value of an endpoint's credential (the launched server's key, or the env var's value). */
export function credentialValue(providerId: string, endpoint: ProviderEndpoint, inputs: EndpointInputs): string | undefined {
  const from = endpoint.credential?.from;
  if (!from) return undefined;
  return from === LAUNCHED_CREDENTIAL ? inputs.launched[providerId]?.apiKey : inputs.env[from];
}
