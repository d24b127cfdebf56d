import type { ModelListing } from '../contract/protocol-client.ts';
import type { ProviderDefinition } from '../contract/provider.ts';
import { loadEnvironment } from '../config/env.ts';
import { splitList } from '../matrix/filters.ts';
import { UsageError } from '../matrix/usage-error.ts';
import { adviseError, adviseGate, formatAdvice, type Advice } from './error-advice.ts';
import { prepareEndpoints, providersNamed, type EverydayEndpoints } from './everyday-endpoints.ts';
import { catalogStatus, mergeCatalog } from './models-catalog.ts';
import { listEndpointModels } from './open-client.ts';
import { describeCapabilities } from './shared-setup.ts';

export interface ModelsArgs {
  provider: string;
  local?: string[];
  baseUrl?: string;
  json: boolean;
  timeout: number;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `models <provider>`: the endpoint's own listing merged with the pinned metadata. Exit 0 when
 * the listing was read, 1 when it could not be (pinned models are still shown), 2 usage error.
 */
export async function runModels(args: ModelsArgs, known: readonly ProviderDefinition[]): Promise<number> {
  const env = loadEnvironment();
  const [provider] = providersNamed(known, args.provider);
  if (!provider) throw new UsageError('models needs a provider id, e.g. `llm-verify models llama_cpp`');
  let endpoints: EverydayEndpoints | undefined;
  try {
    endpoints = await prepareEndpoints({ known, providers: [provider], local: splitList(args.local), baseUrl: args.baseUrl, env, log, embeddedModel: 'resolve' });
    const endpoint = endpoints.endpointOf(provider);
    let listing: ModelListing[] | undefined;
    let problem: Advice | undefined = adviseGate(provider, endpoint);
    if (!problem) {
      try {
        listing = await listEndpointModels(provider, endpoint, endpoints.credentialOf(provider, endpoint), args.timeout);
      } catch (error) {
        problem = await adviseError(error, { provider, endpoint, timeoutMs: args.timeout });
      }
    }
    const rows = mergeCatalog(provider.models, listing);
    const where = endpoint.rootUrl ?? endpoint.modelPath ?? '(no endpoint)';
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ provider: provider.id, endpoint: where, listing: problem ? { ok: false, error: problem } : { ok: true, count: listing?.length ?? 0 }, models: rows }, null, 2)}\n`);
    } else {
      const out = (line: string) => process.stdout.write(`${line}\n`);
      out(`${provider.id} — ${provider.displayName} at ${where} (${provider.kind === 'embedded' ? 'in-process' : endpoint.source})`);
      if (problem) out(`✗ listing unavailable: ${formatAdvice(problem)}`);
      else out(`listing: ${listing?.length ?? 0} model(s) over ${provider.nativeModelListing ?? provider.protocols[0]?.protocol}`);
      const idWidth = Math.max(...rows.map((row) => row.id.length), 8);
      for (const row of rows) {
        const ctx = row.contextWindow ? `ctx ${row.contextWindow}` : 'ctx ?';
        const caps = row.pinned ? `declared: ${describeCapabilities(row.declared)}` : row.reported ? `reported: ${describeCapabilities(row.reported)}` : 'capabilities undeclared (verify observes them)';
        const loaded = row.loaded === undefined ? '' : row.loaded ? ' · loaded' : ' · not loaded';
        out(`  ${row.id.padEnd(idWidth)}  ${catalogStatus(row).padEnd(34)} ${ctx}${loaded} · ${caps}`);
      }
      if (rows.length === 0) out('  (none pinned, none listed)');
    }
    return problem ? 1 : 0;
  } finally {
    await endpoints?.stop();
  }
}
