import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProviderDefinition } from '../contract/provider.ts';
import { DEFAULT_MODEL_FILE, modelCacheDir, resolveEmbeddedModel } from '../endpoints/embedded-model.ts';
import { launchLocalEndpoints, type LaunchedEndpoint } from '../endpoints/local-launch.ts';
import { credentialValue, planProviderEndpoint, type EndpointInputs, type ProviderEndpoint } from '../matrix/endpoint-plan.ts';
import { checkNames, splitList } from '../matrix/filters.ts';
import { UsageError } from '../matrix/usage-error.ts';

/** How the everyday commands (ask, models, check, init) reach providers: launched servers, the embedded model, flags. */
export interface EverydayEndpoints {
  env: NodeJS.ProcessEnv;
  /** The endpoint plan of a provider (the same planner `verify` uses). */
  endpointOf(provider: ProviderDefinition): ProviderEndpoint;
  /** The value of the endpoint's credential (env var or launched server's key); never printed. */
  credentialOf(provider: ProviderDefinition, endpoint: ProviderEndpoint): string | undefined;
  /** Stops every server this set-up launched. */
  stop(): Promise<void>;
}

export interface EverydayOptions {
  /** Every provider the CLI wires (for --local look-ups). */
  known: readonly ProviderDefinition[];
  /** The providers this command works on. */
  providers: readonly ProviderDefinition[];
  /** `--local` ids: servers to start for this command. */
  local: readonly string[];
  baseUrl?: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** ask/models may download the default embedded model; check only looks for it. */
  embeddedModel: 'resolve' | 'look-up';
}

/** Resolves provider ids from flags (comma-separated, repeatable) with close-match suggestions; exit 2 on unknown ids. */
export function providersNamed(known: readonly ProviderDefinition[], values: ReadonlyArray<string | number> | string | undefined): ProviderDefinition[] {
  const names = splitList(values);
  checkNames('provider', names, known.map((provider) => provider.id));
  return names.map((name) => known.find((provider) => provider.id === name)).filter((provider): provider is ProviderDefinition => provider !== undefined);
}

/** The embedded model without downloading anything: LLM_VERIFY_MODEL or the cache. */
function lookUpEmbeddedModel(env: NodeJS.ProcessEnv): { path: string } | { error: string } {
  const explicit = env.LLM_VERIFY_MODEL;
  if (explicit) return existsSync(explicit) ? { path: explicit } : { error: `LLM_VERIFY_MODEL=${explicit} does not exist; point it at a .gguf file` };
  const cached = join(modelCacheDir(env), DEFAULT_MODEL_FILE);
  return existsSync(cached) ? { path: cached } : { error: `no model at ${cached}: run \`bash scripts/setup/model.sh\` or set LLM_VERIFY_MODEL to a .gguf file` };
}

/** Starts `--local` servers, finds the embedded model when needed, and plans each provider's endpoint. */
export async function prepareEndpoints(options: EverydayOptions): Promise<EverydayEndpoints> {
  const { env, log } = options;
  if (options.baseUrl && options.providers.length !== 1) {
    throw new UsageError(`--base-url needs exactly one --provider (selected: ${options.providers.map((provider) => provider.id).join(', ') || 'none'}); for several, set <PROVIDER>_BASE_URL`);
  }
  let modelPromise: Promise<string> | undefined;
  const modelPath = () => (modelPromise ??= resolveEmbeddedModel(env, log).then((found) => found.path));
  const logDir = options.local.length > 0 ? mkdtempSync(join(tmpdir(), 'llm-verify-local-')) : tmpdir();
  const launched: LaunchedEndpoint[] = await launchLocalEndpoints(options.local, options.known, { modelPath, logDir, env, log });
  let embeddedModel: { path: string } | { error: string } | undefined;
  if (options.providers.some((provider) => provider.kind === 'embedded')) {
    embeddedModel =
      options.embeddedModel === 'resolve'
        ? await modelPath().then((path) => ({ path }), (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }))
        : lookUpEmbeddedModel(env);
  }
  const inputs: EndpointInputs = {
    env,
    baseUrlFlag: options.baseUrl,
    launched: Object.fromEntries(launched.map((entry) => [entry.providerId, { rootUrl: entry.rootUrl, apiKey: entry.apiKey }])),
    embeddedModel,
  };
  return {
    env,
    endpointOf: (provider) => planProviderEndpoint(provider, inputs),
    credentialOf: (provider, endpoint) => credentialValue(provider.id, endpoint, inputs),
    async stop() {
      await Promise.allSettled(launched.map((entry) => entry.stop()));
    },
  };
}
