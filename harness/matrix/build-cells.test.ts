import { describe, expect, it } from 'vitest';
import type { ModelSpec, ProviderDefinition } from '../contract/provider.ts';
import type { SuiteDefinition, VerifyTestDefinition } from '../suite/define.ts';
import { buildCells, type MatrixInputs } from './build-cells.ts';
import type { ProviderEndpoint } from './endpoint-plan.ts';
import type { CellFilters } from './filters.ts';
import { testProvider } from '../testing/provider-fixture.ts';

const noFilters = (): CellFilters => ({ suites: [], providers: [], models: [], tests: [], tags: [], protocols: [] });

const test = (id: string, tags: string[], requires: VerifyTestDefinition['requires'] = [], timeoutMs?: number): VerifyTestDefinition => ({
  id,
  description: id,
  requires,
  tags,
  assertion: 'protocol',
  timeoutMs,
  async run() {},
});

const suites: SuiteDefinition[] = [
  { id: 'core', description: '', tests: [test('health', ['smoke']), test('seeded', ['determinism'], ['seed'], 5000)] },
  { id: 'tools', description: '', tests: [test('single_call', ['tools'], ['tools'])] },
];

const provider = (id: string, protocols: ProviderDefinition['protocols']): ProviderDefinition => testProvider({ id, protocols, baseUrl: { env: `${id.toUpperCase()}_BASE_URL` } });

const alpha = provider('alpha', [
  { protocol: 'openai-chat', path: '/v1' },
  { protocol: 'openai-responses', path: '/v1' },
]);
const beta = provider('beta', [{ protocol: 'ollama-native', path: '' }]);
const models = new Map<string, ModelSpec[]>([
  [
    'alpha',
    [
      { id: 'a1', displayName: 'a1', capabilities: { tools: false } },
      { id: 'a2', displayName: 'a2', capabilities: {}, protocols: ['openai-chat'] },
    ],
  ],
  ['beta', [{ id: 'b1', displayName: 'b1', capabilities: {} }]],
]);
const run: ProviderEndpoint = { rootUrl: 'http://h:1', source: 'flag', onUnreachable: 'error', gate: { action: 'run' } };

function inputs(filters: Partial<CellFilters> = {}, endpoints?: Map<string, ProviderEndpoint>): MatrixInputs {
  return {
    providers: [alpha, beta],
    suites,
    filters: { ...noFilters(), ...filters },
    models,
    endpoints: endpoints ?? new Map([['alpha', run], ['beta', run]]),
    timeoutMs: 1000,
  };
}

describe('buildCells', () => {
  it('builds the cross product (model protocols respected) with ids and endpoint URLs', () => {
    const cells = buildCells(inputs());
    // alpha: a1 × 2 protocols + a2 × 1 protocol = 3 targets; beta: 1 target. 4 targets × 3 tests.
    expect(cells).toHaveLength(12);
    expect(cells[0]).toMatchObject({
      id: 'alpha/a1/openai-chat/core.health',
      target: { setupHint: 'start alpha', client: { baseUrl: 'http://h:1/v1' } },
      tags: ['smoke'],
      assertion: 'protocol',
      timeoutMs: 1000,
    });
    expect(cells.filter((cell) => cell.model === 'a2').map((cell) => cell.protocol)).toEqual(['openai-chat', 'openai-chat', 'openai-chat']);
    expect(cells.find((cell) => cell.id === 'beta/b1/ollama-native/core.seeded')?.timeoutMs).toBe(5000);
  });

  it('filters by provider, model, protocol and suite (globs allowed)', () => {
    expect(buildCells(inputs({ providers: ['beta'] }))).toHaveLength(3);
    expect(buildCells(inputs({ models: ['a*'] }))).toHaveLength(9);
    expect(buildCells(inputs({ protocols: ['openai-responses'] })).map((cell) => cell.model)).toEqual(['a1', 'a1', 'a1']);
    expect(buildCells(inputs({ suites: ['tools'] }))).toHaveLength(4);
  });

  it('filters by test name, glob, or suite.test form', () => {
    expect(buildCells(inputs({ tests: ['health'] })).map((cell) => cell.test)).toEqual(['health', 'health', 'health', 'health']);
    expect(buildCells(inputs({ tests: ['tools.single_call'] }))).toHaveLength(4);
    expect(buildCells(inputs({ tests: ['core.*'] }))).toHaveLength(8);
    expect(buildCells(inputs({ tests: ['tools.health'] }))).toHaveLength(0);
  });

  it('filters by tag', () => {
    expect(buildCells(inputs({ tags: ['determinism', 'tools'] })).map((cell) => cell.test)).toEqual(Array(4).fill(['seeded', 'single_call']).flat());
  });

  it('decides each cell gate from protocol limits and declared capabilities', () => {
    const cells = buildCells(inputs());
    const gate = (id: string) => cells.find((cell) => cell.id === id)?.gate;
    expect(gate('alpha/a1/openai-responses/core.seeded')).toEqual({ action: 'unsupported', reason: 'the openai-responses protocol has no seed' });
    expect(gate('alpha/a1/openai-chat/tools.single_call')).toEqual({ action: 'unsupported', reason: 'model declares no tools' });
    expect(gate('alpha/a2/openai-chat/tools.single_call')).toEqual({ action: 'run' });
    expect(cells.find((cell) => cell.id === 'alpha/a1/openai-chat/tools.single_call')?.requires).toEqual(['tools']);
  });

  it('carries a provider endpoint gate to every cell, and drops providers without an endpoint', () => {
    const skipped: ProviderEndpoint = { source: 'none', onUnreachable: 'skipped', gate: { action: 'skipped', reason: 'no endpoint: start beta' } };
    const cells = buildCells(inputs({}, new Map([['beta', skipped]])));
    expect(cells).toHaveLength(3);
    expect(cells.every((cell) => cell.provider === 'beta' && cell.gate.action === 'skipped' && cell.gate.reason === 'no endpoint: start beta')).toBe(true);
    expect(cells[0]?.target.client.baseUrl).toBeUndefined();
  });
});
