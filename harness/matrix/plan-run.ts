import type { ModelListing } from '../contract/protocol-client.ts';
import type { VerifyError } from '../contract/verify-error.ts';
import type { ModelSpec, ProviderDefinition } from '../contract/provider.ts';
import type { SuiteDefinition } from '../suite/define.ts';
import { buildCells } from './build-cells.ts';
import type { PriceOverrides } from '../cost/price-of.ts';
import type { Cell, Gate, Secrets } from './cell.ts';
import { credentialValue, planProviderEndpoint, type EndpointInputs, type ProviderEndpoint } from './endpoint-plan.ts';
import { checkNames, isGlob, matchesName, selected, type CellFilters } from './filters.ts';
import { UsageError, unknownNameError } from './usage-error.ts';

export interface RunPlanInputs extends EndpointInputs {
  providers: readonly ProviderDefinition[];
  suites: readonly SuiteDefinition[];
  filters: CellFilters;
  timeoutMs: number;
  /** Lists the models a server serves (for providers with discoverModels), or says why it could not. */
  discover?: (provider: ProviderDefinition, endpoint: ProviderEndpoint, apiKey: string | undefined) => Promise<DiscoveryResult>;
  /** `--probe`: run cells the model declares unsupported, and report drift between declared and observed. */
  probe?: boolean;
  /** `--prices`: prices overriding the providers' declared ones. */
  prices?: PriceOverrides;
}

/** What a model listing answered: the models, or the normalized error of the call. */
export type DiscoveryResult = { models: ModelListing[] } | { error: VerifyError };

/**
 * The gate of every cell of a provider whose listing failed during discovery: the target keeps its
 * rows. Unreachable: `error` [infra] when the user configured the endpoint, else skipped (as when
 * nothing is set up); 401/403: `fail` kind auth; 5xx: `error` [infra]; anything else: `fail` in the
 * error's own layer.
 */
export function discoveryGate(error: VerifyError, endpoint: ProviderEndpoint, setupHint: string): Gate {
  const url = endpoint.rootUrl ?? 'the endpoint';
  if (error.kind === 'network' || error.kind === 'timeout') {
    const reason = `unreachable: ${url} (${error.message})`;
    return endpoint.onUnreachable === 'error' ? { action: 'error', layer: 'infra', kind: error.kind, reason } : { action: 'skipped', reason: `${reason} — ${setupHint}` };
  }
  if (error.kind === 'auth') return { action: 'fail', layer: 'protocol', kind: 'auth', reason: `the model listing rejected the credential: ${error.message}` };
  if (error.kind === 'server' || error.kind === 'rate_limit') return { action: 'error', layer: 'infra', kind: error.kind, reason: `the model listing failed: ${error.message}` };
  return { action: 'fail', layer: error.layer, kind: error.kind, reason: `the model listing failed: ${error.message}` };
}

/** Model id of the row a provider with no pinned or discovered model gets. */
export const DISCOVERED_PLACEHOLDER = '(discovered)';

export interface RunPlan {
  cells: Cell[];
  endpoints: Map<string, ProviderEndpoint>;
  models: Map<string, ModelSpec[]>;
  /** Credential values by the reference cells carry; handed to workers apart from cells, never written anywhere. */
  secrets: Secrets;
}

function fromListing(listing: ModelListing): ModelSpec {
  return { id: listing.id, displayName: listing.displayName ?? listing.id, contextWindow: listing.contextWindow, capabilities: listing.capabilities ?? {} };
}

/** Validates filters (exit-2 errors with suggestions), plans endpoints, discovers models, builds cells. */
/**
 * Every name in the filters names something (provider, suite, test, tag, protocol): a UsageError
 * otherwise. Cheap and offline, so the CLI calls it before it starts any server.
 */
export function checkFilterNames(inputs: Pick<RunPlanInputs, 'filters' | 'providers' | 'suites'>): void {
  const { filters, providers } = inputs;
  checkNames('provider', filters.providers, providers.map((provider) => provider.id));
  checkNames('suite', filters.suites, inputs.suites.map((suite) => suite.id));
  const testNames = inputs.suites.filter((suite) => selected(suite.id, filters.suites)).flatMap((suite) => suite.tests.flatMap((test) => [test.id, `${suite.id}.${test.id}`]));
  checkNames('test', filters.tests, [...new Set(testNames)]);
  checkNames('tag', filters.tags, [...new Set(inputs.suites.flatMap((suite) => suite.tests.flatMap((test) => test.tags)))]);
  const chosen = providers.filter((provider) => selected(provider.id, filters.providers));
  checkNames('protocol', filters.protocols, [...new Set(chosen.flatMap((provider) => provider.protocols.map((entry) => entry.protocol)))]);
}

export async function planRun(inputs: RunPlanInputs): Promise<RunPlan> {
  const { filters, providers } = inputs;
  checkFilterNames(inputs);
  const chosen = providers.filter((provider) => selected(provider.id, filters.providers));
  if (inputs.baseUrlFlag && chosen.length !== 1) {
    throw new UsageError(`--base-url needs exactly one --provider (selected: ${chosen.map((provider) => provider.id).join(', ')}); for several, set <PROVIDER>_BASE_URL env vars`);
  }

  const endpoints = new Map<string, ProviderEndpoint>();
  const models = new Map<string, ModelSpec[]>();
  const secrets: Record<string, string> = {};
  for (const provider of chosen) {
    const endpoint = planProviderEndpoint(provider, inputs);
    endpoints.set(provider.id, endpoint);
    const apiKey = credentialValue(provider.id, endpoint, inputs);
    if (endpoint.credential && apiKey) secrets[endpoint.credential.ref] = apiKey;
    let list: ModelSpec[] = [...provider.models];
    if (provider.discoverModels && endpoint.gate.action === 'run' && endpoint.rootUrl && inputs.discover) {
      const discovered = await inputs.discover(provider, endpoint, apiKey);
      if ('error' in discovered) {
        endpoint.gate = discoveryGate(discovered.error, endpoint, provider.setupHint);
      } else {
        // Pinned models stay even when the server does not list them: list_models fails for those.
        const unpinned = discovered.models.filter((entry) => !list.some((model) => model.id === entry.id)).map(fromListing);
        list = [...list, ...unpinned];
      }
    }
    if (list.length === 0 && filters.models.length === 0) {
      // Every selected provider keeps a row, even when it has no model to run: a placeholder, skipped with why.
      list = [{ id: DISCOVERED_PLACEHOLDER, displayName: 'models the server lists', capabilities: {} }];
      if (endpoint.gate.action === 'run') {
        endpoint.gate = {
          action: 'skipped',
          reason: inputs.discover
            ? `no model to verify: ${endpoint.rootUrl ?? 'the endpoint'} listed none (is it running?) — ${provider.setupHint}; or name one with --model`
            : `models are discovered from ${endpoint.rootUrl ?? 'the server'} when verify runs; name one with --model to list its cells`,
        };
      }
    }
    models.set(provider.id, list);
  }

  // A model named with --model that no selected provider pins or lists: usable when one provider is selected.
  const known = [...new Set([...models.values()].flat().map((model) => model.id).filter((id) => id !== DISCOVERED_PLACEHOLDER))];
  for (const name of filters.models) {
    if (isGlob(name) ? known.some((id) => matchesName(id, name)) : known.includes(name)) continue;
    if (isGlob(name)) throw unknownNameError('model', name, known);
    if (chosen.length === 1 && chosen[0] && chosen[0].kind !== 'embedded') {
      models.get(chosen[0].id)?.push({ id: name, displayName: name, capabilities: {} });
    } else {
      throw unknownNameError('model', name, known);
    }
  }

  const cells = buildCells({ providers: chosen, suites: inputs.suites, filters, models, endpoints, timeoutMs: inputs.timeoutMs, probe: inputs.probe, prices: inputs.prices });
  return { cells, endpoints, models, secrets };
}
