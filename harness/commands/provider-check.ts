import type { ModelListing } from '../contract/protocol-client.ts';
import type { ProviderDefinition } from '../contract/provider.ts';
import { isVerifyError } from '../contract/verify-error.ts';
import type { ProviderEndpoint } from '../matrix/endpoint-plan.ts';
import { quirksForModel } from '../matrix/quirks.ts';
import { now } from '../protocols/shared/time.ts';
import { applyQuirks } from '../suite/request.ts';
import { adviseError, adviseGate, describeProblem, type Advice } from './error-advice.ts';
import { listEndpointModels, openClient } from './open-client.ts';

/** The outcome of checking one provider's set-up, step by step; a step left undefined was not reached. */
export interface ProviderCheck {
  provider: string;
  ok: boolean;
  endpoint?: string;
  /** Names of the credential variables that are set (never their values). */
  credentials: string[];
  /** The provider takes no credentials at all. */
  keyless: boolean;
  reachable?: boolean;
  listedModels?: number;
  /** true accepted, false rejected; undefined when not reached or no key is involved. */
  authAccepted?: boolean;
  model?: string;
  answered?: { finishReason?: string; latencyMs: number; outputTokens?: number };
  error?: Advice;
}

/** Kinds that mean "the server answered, but not with a listing" — the endpoint is still reachable. */
const REACHABLE_KINDS = new Set(['auth', 'invalid_request', 'model_not_found', 'server', 'rate_limit', 'unknown']);

function pickModel(provider: ProviderDefinition, listing: readonly ModelListing[] | undefined): string | undefined {
  const listed = listing?.map((model) => model.id) ?? [];
  const pinned = provider.models.map((model) => model.id);
  return pinned.find((id) => listed.includes(id)) ?? listed[0] ?? pinned[0];
}

/**
 * Checks one provider: credentials found (names only), endpoint reachable (its model listing),
 * auth accepted and the pinned (or first listed) model answering a 1-token request.
 */
export async function checkProvider(provider: ProviderDefinition, endpoint: ProviderEndpoint, env: NodeJS.ProcessEnv, credential: string | undefined, timeoutMs: number): Promise<ProviderCheck> {
  const credentials = (provider.auth?.envVars ?? []).filter((name) => (env[name] ?? '') !== '');
  const result: ProviderCheck = { provider: provider.id, ok: false, endpoint: endpoint.rootUrl ?? endpoint.modelPath, credentials, keyless: provider.auth === undefined };
  const gate = adviseGate(provider, endpoint);
  if (gate) return { ...result, error: gate };
  const advise = (error: unknown, model?: string) =>
    adviseError(error, { provider, endpoint, model, timeoutMs, listModels: async () => (await listEndpointModels(provider, endpoint, credential, timeoutMs)).map((entry) => entry.id) });

  let listing: ModelListing[] | undefined;
  try {
    listing = await listEndpointModels(provider, endpoint, credential, timeoutMs);
    result.reachable = true;
    result.listedModels = listing.length;
  } catch (error) {
    const reachable = isVerifyError(error) && REACHABLE_KINDS.has(error.kind);
    result.reachable = reachable;
    if (!reachable || (isVerifyError(error) && error.kind === 'auth')) {
      if (isVerifyError(error) && error.kind === 'auth') result.authAccepted = false;
      return { ...result, error: await advise(error) };
    }
  }

  const model = pickModel(provider, listing);
  if (!model) return { ...result, error: { kind: 'model_not_found', message: 'no model pinned and none listed', fix: `load a model on the server, or pin one in providers/${provider.id}/provider.ts` } };
  result.model = model;
  const first = provider.protocols[0];
  if (!first) return { ...result, error: { kind: 'harness', layer: 'harness', message: `${provider.id} declares no protocol`, fix: 'fix the provider definition' } };
  const client = await openClient({ provider, endpoint, protocol: first.protocol, model }, credential, { timeoutMs });
  const started = now();
  try {
    const request = applyQuirks({ model, messages: [{ role: 'user', content: 'Say OK.' }], maxTokens: 1 }, quirksForModel(provider.quirks, model));
    const response = await client.chat(request, { signal: AbortSignal.timeout(timeoutMs) });
    result.answered = { finishReason: response.finishReason, latencyMs: now() - started, outputTokens: response.usage?.output };
    if (endpoint.credential) result.authAccepted = true;
    result.ok = true;
    return result;
  } catch (error) {
    if (isVerifyError(error) && error.kind === 'auth') result.authAccepted = false;
    return { ...result, error: await advise(error, model) };
  } finally {
    await client.close();
  }
}

/** "✓ llama_cpp  http://… · key LLAMA_CPP_API_KEY · reachable (1 model) · auth accepted · m answered (finish length, 40 ms)". */
export function formatCheck(check: ProviderCheck, idWidth: number): string {
  const parts: string[] = [check.endpoint ?? '(no endpoint)'];
  parts.push(check.credentials.length > 0 ? `key ${check.credentials.join(', ')}` : check.keyless ? 'no key needed' : 'no key set');
  if (check.reachable === true) parts.push(check.listedModels === undefined ? 'reachable' : `reachable (${check.listedModels} model${check.listedModels === 1 ? '' : 's'})`);
  else if (check.reachable === false) parts.push('unreachable');
  if (check.authAccepted === true) parts.push('auth accepted');
  else if (check.authAccepted === false) parts.push('auth rejected');
  if (check.answered) parts.push(`${check.model} answered (finish ${check.answered.finishReason ?? '—'}, ${Math.round(check.answered.latencyMs)} ms)`);
  const line = `${check.ok ? '✓' : '✗'} ${check.provider.padEnd(idWidth)}  ${parts.join(' · ')}`;
  if (!check.error) return line;
  return `${line}\n    ${describeProblem(check.error)}\n    fix: ${check.error.fix}`;
}
