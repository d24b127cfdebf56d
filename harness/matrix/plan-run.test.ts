import { describe, expect, it } from 'vitest';
import type { ModelListing } from '../contract/protocol-client.ts';
import type { ProviderDefinition } from '../contract/provider.ts';
import { VerifyError } from '../contract/verify-error.ts';
import type { SuiteDefinition } from '../suite/define.ts';
import type { CellFilters } from './filters.ts';
import { DISCOVERED_PLACEHOLDER, planRun, type RunPlanInputs } from './plan-run.ts';
import { UsageError } from './usage-error.ts';
import { testProvider } from '../testing/provider-fixture.ts';

const suites: SuiteDefinition[] = [
  {
    id: 'core',
    description: '',
    tests: [{ id: 'health', description: '', requires: [], tags: ['smoke'], assertion: 'protocol', async run() {} }],
  },
  {
    id: 'streaming',
    description: '',
    tests: [{ id: 'text_stream', description: '', requires: ['streaming'], tags: ['stream'], assertion: 'protocol', async run() {} }],
  },
];

const local = testProvider({
  id: 'llama_cpp',
  baseUrl: { default: 'http://127.0.0.1:8080', env: 'LLAMA_CPP_BASE_URL' },
  models: [
    { id: 'pinned-listed', displayName: 'Pinned listed', capabilities: { streaming: false } },
    { id: 'pinned-unlisted', displayName: 'Pinned unlisted', capabilities: {} },
  ],
  discoverModels: true,
  setupHint: 'run scripts/setup/llama-server.sh',
});
const cloud = testProvider({
  id: 'openai',
  kind: 'cloud',
  protocols: [{ protocol: 'openai-chat', path: '' }, { protocol: 'openai-responses', path: '' }],
  auth: { envVars: ['OPENAI_API_KEY'], required: true },
  models: [{ id: 'gpt-x', displayName: 'GPT X', capabilities: {} }],
  setupHint: 'set OPENAI_API_KEY',
  liveVerifiedHere: 'no key on CI',
});
const embedded: ProviderDefinition = { ...local, id: 'embedded', kind: 'embedded', protocols: [{ protocol: 'embedded', path: '' }], models: [], discoverModels: false };

const filters = (overrides: Partial<CellFilters> = {}): CellFilters => ({ suites: [], providers: [], models: [], tests: [], tags: [], protocols: [], ...overrides });

function inputs(overrides: Partial<RunPlanInputs> = {}): RunPlanInputs {
  return { providers: [local, cloud], suites, filters: filters(), timeoutMs: 1000, env: { OPENAI_API_KEY: 'sk-test' }, launched: {}, ...overrides };
}

async function usageError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UsageError);
  return (error as UsageError).message;
}

describe('planRun: validation', () => {
  it.each([
    ['provider', { providers: ['lama_cpp'] }, 'unknown provider "lama_cpp". Did you mean "llama_cpp"?'],
    ['suite', { suites: ['stream'] }, 'unknown suite "stream". Did you mean "streaming"?'],
    ['test', { tests: ['helth'] }, 'unknown test "helth". Did you mean "health"?'],
    ['tag', { tags: ['smok'] }, 'unknown tag "smok". Did you mean "smoke"?'],
    ['protocol', { protocols: ['openai-chats'] }, 'unknown protocol "openai-chats". Did you mean "openai-chat"?'],
  ])('rejects an unknown %s with a suggestion', async (_what, filter, expected) => {
    expect(await usageError(planRun(inputs({ filters: filters(filter) })))).toContain(expected);
  });

  it('checks test names only within the selected suites, also in suite.test form', async () => {
    expect(await usageError(planRun(inputs({ filters: filters({ suites: ['core'], tests: ['text_stream'] }) })))).toContain('unknown test "text_stream"');
    await expect(planRun(inputs({ filters: filters({ tests: ['streaming.text_stream'] }) }))).resolves.toBeDefined();
  });

  it('checks protocols only of the selected providers', async () => {
    expect(await usageError(planRun(inputs({ filters: filters({ providers: ['llama_cpp'], protocols: ['openai-responses'] }) })))).toContain(
      'Valid protocols: openai-chat.',
    );
  });

  it('rejects --base-url with two providers selected, and accepts it with one', async () => {
    expect(await usageError(planRun(inputs({ baseUrlFlag: 'http://x:1' })))).toContain('--base-url needs exactly one --provider (selected: llama_cpp, openai)');
    const plan = await planRun(inputs({ baseUrlFlag: 'http://x:1', filters: filters({ providers: ['llama_cpp'] }) }));
    expect(plan.endpoints.get('llama_cpp')).toMatchObject({ rootUrl: 'http://x:1', source: 'flag' });
    expect(plan.cells[0]?.target.client.baseUrl).toBe('http://x:1/v1');
  });
});

describe('planRun: models', () => {
  const discover = (listed: ModelListing[]) => async () => ({ models: listed });

  it('keeps every pinned model, listed or not (list_models fails for the unlisted), and adds unpinned listed ones', async () => {
    const plan = await planRun(inputs({ discover: discover([{ id: 'pinned-listed' }, { id: 'extra', displayName: 'Extra', contextWindow: 2048 }]) }));
    expect(plan.models.get('llama_cpp')).toEqual([
      local.models[0],
      local.models[1],
      { id: 'extra', displayName: 'Extra', contextWindow: 2048, capabilities: {} },
    ]);
    const gates = plan.cells.filter((cell) => cell.provider === 'llama_cpp').map((cell) => `${cell.model}:${cell.test}:${cell.gate.action}`);
    expect(gates).toEqual([
      'pinned-listed:health:run',
      'pinned-listed:text_stream:unsupported',
      'pinned-unlisted:health:run',
      'pinned-unlisted:text_stream:run',
      'extra:health:run',
      'extra:text_stream:run',
    ]);
  });

  it('carries what the server listed (capabilities, context window) in each cell\'s target, for the worker', async () => {
    const plan = await planRun(inputs({ discover: discover([{ id: 'extra', contextWindow: 2048, capabilities: { streaming: true, tools: false } }]) }));
    const cell = plan.cells.find((entry) => entry.model === 'extra');
    expect(cell?.target.model).toEqual({ id: 'extra', displayName: 'extra', contextWindow: 2048, capabilities: { streaming: true, tools: false } });
    expect(cell?.target.capabilities).toEqual({ streaming: true, tools: false, token_counting: false });
  });

  it('hands credentials to the discoverer and keeps them in plan.secrets, apart from the cells', async () => {
    const seen: Array<string | undefined> = [];
    const plan = await planRun(inputs({ discover: async (_provider, _endpoint, apiKey) => (seen.push(apiKey), { models: [] }) }));
    expect(plan.secrets).toEqual({ openai: 'sk-test' });
    expect(seen).toEqual([undefined]);
    const openaiCell = plan.cells.find((entry) => entry.provider === 'openai');
    expect(openaiCell?.target).toMatchObject({ auth: 'configured', client: { secretRef: 'openai' } });
    expect(JSON.stringify(plan.cells)).not.toContain('sk-test');
  });

  it('keeps the pinned list when discovery returns nothing', async () => {
    const plan = await planRun(inputs({ discover: discover([]) }));
    expect(plan.models.get('llama_cpp')?.map((model) => model.id)).toEqual(['pinned-listed', 'pinned-unlisted']);
  });

  it('gives a provider with no model a skipped placeholder row naming the endpoint and hint', async () => {
    const bare = { ...local, models: [] };
    const plan = await planRun(inputs({ providers: [bare], discover: discover([]) }));
    expect(plan.models.get('llama_cpp')?.map((model) => model.id)).toEqual([DISCOVERED_PLACEHOLDER]);
    expect(plan.cells).toHaveLength(2);
    expect(plan.cells[0]?.gate).toEqual({
      action: 'skipped',
      reason: 'no model to verify: http://127.0.0.1:8080 listed none (is it running?) — run scripts/setup/llama-server.sh; or name one with --model',
    });
  });

  it('keeps an earlier skip reason on the placeholder row (no credentials)', async () => {
    const plan = await planRun(inputs({ providers: [{ ...cloud, models: [] }], env: {} }));
    expect(plan.cells[0]).toMatchObject({ model: DISCOVERED_PLACEHOLDER, gate: { action: 'skipped', reason: 'no credentials: set OPENAI_API_KEY' } });
  });

  it('accepts an unpinned --model with one provider and runs it', async () => {
    const plan = await planRun(inputs({ filters: filters({ providers: ['llama_cpp'], models: ['my-gguf'] }), discover: discover([]) }));
    expect(plan.models.get('llama_cpp')?.at(-1)).toEqual({ id: 'my-gguf', displayName: 'my-gguf', capabilities: {} });
    expect(plan.cells.map((cell) => `${cell.model}:${cell.gate.action}`)).toEqual(['my-gguf:run', 'my-gguf:run']);
  });

  it('rejects an unpinned --model with several providers, or for an embedded provider', async () => {
    expect(await usageError(planRun(inputs({ filters: filters({ models: ['gpt-y'] }) })))).toContain('unknown model "gpt-y". Did you mean "gpt-x"?');
    expect(await usageError(planRun(inputs({ providers: [embedded], filters: filters({ models: ['x.gguf'] }) })))).toContain('unknown model "x.gguf"');
  });

  it('a pinned --model selects only that model across providers', async () => {
    const plan = await planRun(inputs({ filters: filters({ models: ['gpt-x'] }) }));
    expect(new Set(plan.cells.map((cell) => `${cell.provider}/${cell.model}`))).toEqual(new Set(['openai/gpt-x']));
    expect(plan.cells).toHaveLength(4);
  });
});

describe('planRun: discovery failures keep the target\'s rows with a verdict', () => {
  const error = (kind: VerifyError['kind'], layer: VerifyError['layer'], status?: number) => new VerifyError({ kind, layer, status, message: `GET /v1/models: ${kind}` });
  const failing = (thrown: VerifyError) => async () => ({ error: thrown });
  const onlyLocal = filters({ providers: ['llama_cpp'] });
  const gatesOf = (plan: Awaited<ReturnType<typeof planRun>>) => [...new Set(plan.cells.map((cell) => JSON.stringify(cell.gate)))].map((text) => JSON.parse(text) as unknown);

  it('a configured endpoint (env var) that cannot be reached: every cell error [infra] "unreachable: <url>"', async () => {
    const plan = await planRun(inputs({ filters: onlyLocal, env: { LLAMA_CPP_BASE_URL: 'http://127.0.0.1:9' }, discover: failing(error('network', 'transport')) }));
    expect(plan.cells).toHaveLength(4);
    expect(gatesOf(plan)).toEqual([{ action: 'error', layer: 'infra', kind: 'network', reason: 'unreachable: http://127.0.0.1:9 (GET /v1/models: network)' }]);
  });

  it('the same with --skip-unreachable, or at a default address nobody configured: skipped with how to start it', async () => {
    const flagged = await planRun(inputs({ filters: onlyLocal, skipUnreachable: true, env: { LLAMA_CPP_BASE_URL: 'http://127.0.0.1:9' }, discover: failing(error('timeout', 'transport')) }));
    expect(gatesOf(flagged)).toEqual([{ action: 'skipped', reason: 'unreachable: http://127.0.0.1:9 (GET /v1/models: timeout) — run scripts/setup/llama-server.sh' }]);
    const unconfigured = await planRun(inputs({ filters: onlyLocal, discover: failing(error('network', 'transport')) }));
    expect(gatesOf(unconfigured)).toMatchObject([{ action: 'skipped' }]);
  });

  it('a listing answering 401/403: cells fail kind auth; 5xx: error [infra]', async () => {
    const auth = await planRun(inputs({ filters: onlyLocal, discover: failing(error('auth', 'protocol', 401)) }));
    expect(gatesOf(auth)).toEqual([{ action: 'fail', layer: 'protocol', kind: 'auth', reason: 'the model listing rejected the credential: GET /v1/models: auth' }]);
    const server = await planRun(inputs({ filters: onlyLocal, discover: failing(error('server', 'infra', 503)) }));
    expect(gatesOf(server)).toMatchObject([{ action: 'error', layer: 'infra', kind: 'server' }]);
  });

  it('a provider with no pinned model still gets its placeholder row with the failure', async () => {
    const plan = await planRun(inputs({ providers: [{ ...local, models: [] }], discover: failing(error('auth', 'protocol', 403)) }));
    expect(plan.cells.map((cell) => `${cell.model}:${cell.gate.action}`)).toEqual([`${DISCOVERED_PLACEHOLDER}:fail`, `${DISCOVERED_PLACEHOLDER}:fail`]);
  });
});

describe('planRun: --probe', () => {
  const discover = (listed: ModelListing[]) => async () => ({ models: listed });

  it('runs cells the model declares unsupported, marked with what was declared; protocol limits stay unsupported', async () => {
    const plan = await planRun(inputs({ filters: filters({ providers: ['llama_cpp'] }), probe: true, discover: discover([]) }));
    const cell = plan.cells.find((entry) => entry.model === 'pinned-listed' && entry.test === 'text_stream');
    expect(cell?.gate).toEqual({ action: 'run' });
    expect(cell?.probe).toEqual({ declaredUnsupported: ['streaming'] });
    expect(plan.cells.find((entry) => entry.model === 'pinned-unlisted' && entry.test === 'text_stream')?.probe).toEqual({ declaredUnsupported: [] });
    const without = await planRun(inputs({ filters: filters({ providers: ['llama_cpp'] }), discover: discover([]) }));
    expect(without.cells.every((entry) => entry.probe === undefined)).toBe(true);
  });
});

describe('planRun: glob filters', () => {
  it('a --model glob selects matching models and adds no model named by the glob', async () => {
    const plan = await planRun(inputs({ filters: filters({ providers: ['llama_cpp'], models: ['pinned-*'] }) }));
    expect([...new Set(plan.cells.map((cell) => cell.model))].sort()).toEqual(['pinned-listed', 'pinned-unlisted']);
  });

  it('a --model glob matching nothing is a usage error, even with several providers', async () => {
    expect(await usageError(planRun(inputs({ filters: filters({ models: ['nothing-*'] }) })))).toMatch(/unknown model "nothing-\*"/);
  });

  it('a --tag glob selects the tests whose tags match', async () => {
    const plan = await planRun(inputs({ filters: filters({ providers: ['openai'], tags: ['smo*'] }) }));
    expect(plan.cells.map((cell) => cell.test)).toEqual(['health', 'health']);
  });
});
