import type { ProviderDefinition } from '../contract/provider.ts';
import { isVerifyError, type ErrorKind, type FailureLayer } from '../contract/verify-error.ts';
import { LAUNCHED_CREDENTIAL, type ProviderEndpoint } from '../matrix/endpoint-plan.ts';

/** What went wrong, in the normalized vocabulary, and what the user can do about it. */
export interface Advice {
  /** A normalized error kind, or why nothing was sent: no credentials / no endpoint; `harness` = our bug. */
  kind: ErrorKind | 'missing_credentials' | 'no_endpoint' | 'harness';
  layer?: FailureLayer | 'harness';
  status?: number;
  message: string;
  fix: string;
}

export interface AdviceContext {
  provider: ProviderDefinition;
  endpoint: ProviderEndpoint;
  model?: string;
  timeoutMs?: number;
  /** Lists the endpoint's models, for a model_not_found fix; undefined when it cannot. */
  listModels?: () => Promise<string[] | undefined>;
}

/** Advice for a provider whose endpoint plan gates it (no key, no URL), before anything is sent. */
export function adviseGate(provider: ProviderDefinition, endpoint: ProviderEndpoint): Advice | undefined {
  if (endpoint.gate.action === 'run') return undefined;
  const missingKey = provider.auth?.required === true && !endpoint.credential && provider.kind !== 'embedded';
  if (missingKey) {
    return { kind: 'missing_credentials', message: `no credentials for ${provider.id}`, fix: `set ${provider.auth?.envVars.join(' or ')} (in the shell or .env; \`llm-verify init\` writes it)` };
  }
  return { kind: 'no_endpoint', message: endpoint.gate.reason, fix: provider.setupHint };
}

function keyFix(provider: ProviderDefinition, endpoint: ProviderEndpoint): string {
  const from = endpoint.credential?.from;
  if (from === LAUNCHED_CREDENTIAL) return 'the key of the server started with --local was rejected: this is a bug in llm-verify';
  if (from) return `the key was rejected: check ${from} (a valid key for ${endpoint.rootUrl ?? provider.displayName})`;
  return `the endpoint wants a key and none is set: set ${provider.auth?.envVars.join(' or ') ?? 'its API key'}`;
}

/** "model "x" is not served: the endpoint lists: a, b — pass one with --model". */
export function modelNotFoundFix(provider: ProviderDefinition, model: string | undefined, listed: readonly string[] | undefined): string {
  const models = listed && listed.length > 0 ? `the endpoint lists: ${listed.join(', ')} — pass one with --model` : `the endpoint lists no models (\`llm-verify models ${provider.id}\` shows what it serves)`;
  return `model "${model ?? '?'}" is not served: ${models}`;
}

/** Turns anything a client threw into the normalized kind and a fix. Never includes a key (adapters redact). */
export async function adviseError(error: unknown, context: AdviceContext): Promise<Advice> {
  if (!isVerifyError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'harness', layer: 'harness', message, fix: 'this is a bug in llm-verify, not in the endpoint: please report it with this message' };
  }
  const { provider, endpoint } = context;
  const base = { kind: error.kind, layer: error.layer, status: error.status, message: error.message };
  const where = endpoint.rootUrl ?? (endpoint.modelPath ? `the model ${endpoint.modelPath}` : provider.displayName);
  switch (error.kind) {
    case 'auth':
      return { ...base, fix: keyFix(provider, endpoint) };
    case 'model_not_found':
      return { ...base, fix: modelNotFoundFix(provider, context.model, await context.listModels?.().catch(() => undefined)) };
    case 'network':
      return { ...base, fix: `nothing answers at ${where}: ${provider.setupHint}` };
    case 'timeout':
      return { ...base, fix: `no answer within ${context.timeoutMs ?? '?'} ms: check the server, or raise --timeout` };
    case 'rate_limit':
      return { ...base, fix: 'rate limited: wait and retry, or check the account\'s quota' };
    case 'context_length':
      return { ...base, fix: 'the prompt plus --max-tokens exceeds the model\'s context window: shorten the prompt or lower --max-tokens' };
    case 'invalid_request':
      return { ...base, fix: 'the request was refused as invalid: drop or change the option it names, or choose another --protocol' };
    case 'unrepresentable':
      return { ...base, fix: 'this protocol cannot carry the option it names (nothing was sent): drop the option, or choose another --protocol' };
    case 'server':
      return { ...base, fix: `the server failed (${where}): see its log, retry` };
    case 'aborted':
      return { ...base, fix: 'aborted before the answer was complete' };
    default:
      return { ...base, fix: `unexpected answer from ${where}: see the message` };
  }
}

/** "auth (HTTP 401): openai-chat GET /models: 401 Invalid API Key" — the kind first, not repeated inside. */
export function describeProblem(advice: Advice): string {
  const label = `${advice.kind}${advice.status ? ` (HTTP ${advice.status})` : ''}`;
  return `${label}: ${advice.message.replace(`${label}: `, '')}`;
}

/** Two lines: the problem, then "  fix: …". */
export function formatAdvice(advice: Advice): string {
  return `${describeProblem(advice)}\n  fix: ${advice.fix}`;
}
