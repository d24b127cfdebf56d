import type { DeclaredCapabilities } from './capability.ts';
import type { ProtocolId } from './protocol-client.ts';

/** A model a provider serves: pure metadata. */
export interface ModelSpec {
  id: string;
  displayName: string;
  contextWindow?: number;
  maxOutputTokens?: number;
  capabilities: DeclaredCapabilities;
  /** Protocols this model is available on; defaults to every protocol of the provider. */
  protocols?: ProtocolId[];
}

export interface ProtocolEndpoint {
  protocol: ProtocolId;
  /** Appended to the provider's base URL to get the SDK's base URL (e.g. "/v1"). */
  path: string;
}

/** A named behaviour difference of a provider, with the reason it exists. */
export interface Quirk {
  name: string;
  value: boolean | string | number;
  reason: string;
}

export type ProviderKind = 'cloud' | 'local' | 'embedded';

/** Which local launcher the harness can start for this provider with `--local <id>`. */
export type LocalLauncherId = 'llama-server' | 'ollama';

export interface ProviderDefinition {
  id: string;
  displayName: string;
  kind: ProviderKind;
  protocols: ProtocolEndpoint[];
  /** Server root URL; overridable by `--base-url` or the env var `<ID>_BASE_URL`. */
  baseUrl?: { default?: string; env: string };
  /** Credential env vars, first present wins. `required`: without one every cell is skipped. */
  auth?: { envVars: string[]; required: boolean };
  /** Other settings read from the environment (region, ...): name → what it is. */
  settingsEnv?: Record<string, string>;
  models: ModelSpec[];
  /** When true, models not pinned here are taken from the server's listing. */
  discoverModels?: boolean;
  /**
   * A richer native listing to discover models with (loaded state, context length, capabilities),
   * tried before the protocol's own listing: 'lm-studio-native' = LM Studio's GET /api/v0/models.
   */
  nativeModelListing?: 'lm-studio-native';
  quirks?: Quirk[];
  /** What to tell a user when the endpoint is missing or unreachable. */
  setupHint: string;
  /** How health is checked, in words (the check itself is the protocol client's health()). */
  healthCheck: string;
  local?: LocalLauncherId;
  /** true when this harness verifies it against a real endpoint on its own CI; else why not. */
  liveVerifiedHere: true | string;
}
