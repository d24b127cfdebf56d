import type { DeclaredCapabilities } from './capability.ts';
import type { PriceList } from './price.ts';
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
  /** Gemini: the API version the SDK calls on this endpoint (a gateway may serve only "v1beta"). */
  apiVersion?: string;
  /**
   * What the provider declares for this protocol alone, over each model's capabilities (a gateway
   * that serves no model listing on one of its protocols: `{ list_models: false }`).
   */
  capabilities?: DeclaredCapabilities;
}

/** Request fields a quirk makes the request builder leave out (the model rejects any non-default value). */
export type OmittedRequestField = 'temperature' | 'topP' | 'seed' | 'stop';

/** What the request builder does about a quirk: data, applied to every request of the models it names. */
export interface RequestQuirk {
  /** Fields never sent; a test that needs one is `unsupported` for these models. */
  omit?: OmittedRequestField[];
  /** The request field that carries the output-token limit (OpenAI's reasoning models: max_completion_tokens). */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
}

/** A named behaviour difference of a provider, with the reason it exists. */
export interface Quirk {
  name: string;
  value: boolean | string | number;
  reason: string;
  /** Model ids or globs (`gpt-5*`) the quirk applies to; every model of the provider when absent. */
  models?: string[];
  /** What the request builder changes for the models it applies to; absent: informational only. */
  request?: RequestQuirk;
}

/**
 * A health route of the server itself (not of a wire protocol), checked with GET on the server root:
 * non-2xx, or a JSON body whose `expect` fields differ, is unhealthy. `versionField` names the body
 * field holding the server's version.
 */
export interface HealthEndpoint {
  path: string;
  expect?: Record<string, string>;
  versionField?: string;
  /** Prefix for the version string ("ollama" → "ollama 0.17.4"). */
  versionPrefix?: string;
}

export type ProviderKind = 'cloud' | 'local' | 'embedded';

/** Which local launcher the harness can start for this provider with `--local <id>`. */
/** 'litellm': a llama-server with the test model and a LiteLLM proxy routing to it. */
export type LocalLauncherId = 'llama-server' | 'ollama' | 'litellm';

export interface ProviderDefinition {
  id: string;
  displayName: string;
  kind: ProviderKind;
  protocols: ProtocolEndpoint[];
  /** Server root URL; overridable by `--base-url` or the env var `<ID>_BASE_URL`. */
  baseUrl?: { default?: string; env: string };
  /** Credential env vars, first present wins. `required`: without one every cell is skipped. */
  auth?: { envVars: string[]; required: boolean };
  /**
   * Other env vars holding secrets the provider's SDK reads itself (AWS_SECRET_ACCESS_KEY, ...): their
   * values are redacted from every report, transcript and console line like the auth vars'.
   */
  secretEnv?: string[];
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
  /** Declared prices of the provider's models (cloud providers; local servers cost 0). */
  prices?: PriceList;
  /** What to tell a user when the endpoint is missing or unreachable. */
  setupHint: string;
  /** How health is checked, in words. */
  healthCheck: string;
  /** The server's own health route, checked before the protocol client's health call (listing, version, …). */
  healthEndpoint?: HealthEndpoint;
  local?: LocalLauncherId;
  /**
   * A gateway (LiteLLM …): the software's name. Its matrix rows say what they verify: "<protocol>
   * protocol as served by <name and version> → <upstream>", never the protocol's original vendor.
   */
  gateway?: string;
  /** true when this harness verifies it against a real endpoint on its own CI; else why not. */
  liveVerifiedHere: true | string;
}
