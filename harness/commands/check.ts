import type { ProviderDefinition } from '../contract/provider.ts';
import { loadEnvironment } from '../config/env.ts';
import type { ProviderEndpoint } from '../matrix/endpoint-plan.ts';
import { splitList } from '../matrix/filters.ts';
import { prepareEndpoints, providersNamed, type EverydayEndpoints } from './everyday-endpoints.ts';
import { checkProvider, formatCheck, type ProviderCheck } from './provider-check.ts';

export interface CheckArgs {
  providers?: string[];
  local?: string[];
  baseUrl?: string;
  json: boolean;
  timeout: number;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** A provider counts as configured when the user pointed at it: a URL, a key, a launched server, or the embedded model. */
export function isConfigured(provider: ProviderDefinition, endpoint: ProviderEndpoint): boolean {
  if (provider.kind === 'embedded') return endpoint.gate.action === 'run';
  return endpoint.source === 'flag' || endpoint.source === 'env' || endpoint.source === 'local' || endpoint.credential !== undefined;
}

/** Checks the given providers in parallel (the ones named, or every configured one). */
export async function checkProviders(providers: readonly ProviderDefinition[], endpoints: Pick<EverydayEndpoints, 'endpointOf' | 'credentialOf' | 'env'>, timeoutMs: number): Promise<ProviderCheck[]> {
  return Promise.all(
    providers.map((provider) => {
      const endpoint = endpoints.endpointOf(provider);
      return checkProvider(provider, endpoint, endpoints.env, endpoints.credentialOf(provider, endpoint), timeoutMs);
    }),
  );
}

/**
 * `check [provider…]`: one line per provider with ✓/✗ and a fix. With no names, every configured
 * provider is checked and the others are listed as not configured. Exit 1 if any checked one fails.
 */
export async function runCheck(args: CheckArgs, known: readonly ProviderDefinition[]): Promise<number> {
  const env = loadEnvironment();
  const local = splitList(args.local);
  const named = providersNamed(known, [...splitList(args.providers), ...local.filter((id) => !splitList(args.providers).includes(id))]);
  const candidates = named.length > 0 ? named : [...known];
  let endpoints: EverydayEndpoints | undefined;
  try {
    endpoints = await prepareEndpoints({ known, providers: candidates, local, baseUrl: args.baseUrl, env, log, embeddedModel: 'look-up' });
    const endpointOf = endpoints.endpointOf;
    const chosen = named.length > 0 ? named : candidates.filter((provider) => isConfigured(provider, endpointOf(provider)));
    const skipped = candidates.filter((provider) => !chosen.includes(provider));
    const checks = await checkProviders(chosen, endpoints, args.timeout);
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ checks, notConfigured: skipped.map((provider) => provider.id) }, null, 2)}\n`);
    } else {
      const width = Math.max(...chosen.map((provider) => provider.id.length), 8);
      for (const check of checks) process.stdout.write(`${formatCheck(check, width)}\n`);
      if (chosen.length === 0) process.stdout.write('no provider is configured: run `llm-verify init`, or set a key/URL (see .env.example)\n');
      if (skipped.length > 0) process.stdout.write(`not configured: ${skipped.map((provider) => provider.id).join(', ')} (\`llm-verify init\` sets them up)\n`);
    }
    return chosen.length > 0 && checks.every((check) => check.ok) ? 0 : 1;
  } finally {
    await endpoints?.stop();
  }
}
