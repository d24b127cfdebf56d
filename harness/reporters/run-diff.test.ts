import { describe, expect, it } from 'vitest';
import type { CellResult } from '../verdicts/verdict.ts';
import type { ResultsDocument } from './results-json.ts';
import { buildResultsDocument } from './results-json.ts';
import { diffRuns } from './run-diff.ts';
import { renderDiffMarkdown } from './run-diff-markdown.ts';
import type { RunMetadata } from './run-metadata.ts';

const cell = (test: string, verdict: CellResult['verdict'], layer?: CellResult['layer']): CellResult => ({
  runId: 'r',
  suite: 'core',
  test,
  provider: 'llama_cpp',
  model: 'smol',
  protocol: 'openai-chat',
  verdict,
  ...(layer ? { layer, message: `${test} broke | badly` } : {}),
  durationMs: 1,
  startedAt: '2026-01-01T00:00:00.000Z',
  assertion: 'protocol',
  tags: [],
});

const run = (runId: string, extra: Partial<RunMetadata>): RunMetadata => ({
  runId,
  harnessVersion: '0.1.0',
  nodeVersion: 'v24',
  platform: 'linux-x64',
  startedAt: '2026-01-01T00:00:00.000Z',
  argv: [],
  filters: {},
  endpointVersions: {},
  notLiveVerified: {},
  complete: true,
  ...extra,
});

const a: ResultsDocument = buildResultsDocument(run('A', { endpointVersions: { llama_cpp: 'b1', ollama: 'o1' }, modelDigests: { 'llama_cpp/smol': 'sha256:aa' } }), [
  cell('health_check', 'pass'),
  cell('basic_chat', 'pass'),
  cell('max_tokens', 'fail', 'model'),
  cell('usage_accounting', 'fail', 'model'),
  cell('stop', 'pass'),
  cell('seeded', 'unsupported'),
  cell('gone', 'pass'),
]);
const b: ResultsDocument = buildResultsDocument(run('B', { endpointVersions: { llama_cpp: 'b2', ollama: 'o1' }, modelDigests: { 'llama_cpp/smol': 'sha256:bb' } }), [
  cell('health_check', 'pass'),
  cell('basic_chat', 'fail', 'protocol'),
  cell('max_tokens', 'pass'),
  cell('usage_accounting', 'fail', 'protocol'),
  cell('stop', 'flaky', 'model'),
  cell('seeded', 'unsupported'),
  cell('fresh', 'fail', 'model'),
]);
const diff = diffRuns({ document: a, path: 'runs/A' }, { document: b, path: 'runs/B' });
const ids = (changes: Array<{ id: string }>) => changes.map((change) => change.id.split('/').at(-1));

describe('diffRuns', () => {
  it('sorts every change into its kind', () => {
    expect(ids(diff.newlyFailing)).toEqual(['core.basic_chat']);
    expect(ids(diff.newlyPassing)).toEqual(['core.max_tokens']);
    expect(ids(diff.changedLayer)).toEqual(['core.usage_accounting']);
    expect(ids(diff.otherChanges)).toEqual(['core.stop']);
    expect(ids(diff.newCells)).toEqual(['core.fresh']);
    expect(ids(diff.removedCells)).toEqual(['core.gone']);
    expect(diff.unchanged).toBe(2);
    expect(diff.newlyFailing[0]?.b).toEqual({ verdict: 'fail', layer: 'protocol', message: 'basic_chat broke | badly' });
  });

  it('reports only the server versions and model digests that differ', () => {
    expect(diff.serverVersions).toEqual([{ key: 'llama_cpp', a: 'b1', b: 'b2' }]);
    expect(diff.modelDigests).toEqual([{ key: 'llama_cpp/smol', a: 'sha256:aa', b: 'sha256:bb' }]);
  });

  it('renders Markdown with escaped cells and a counts line', () => {
    const md = renderDiffMarkdown(diff);
    expect(md).toContain('**1 newly failing, 1 newly passing, 1 changed layer, 1 other verdict changes, 1 new cells, 1 removed cells, 2 unchanged**');
    expect(md).toContain('## Newly failing (1)');
    expect(md).toContain('| `llama_cpp/smol/openai-chat/core.basic_chat` | pass | fail [protocol]: basic_chat broke \\| badly |');
    expect(md).toContain('| llama_cpp | b1 | b2 |');
    expect(md).toContain('## Model digests that changed');
    expect(md).not.toContain('## Removed cells (0)');
  });
});
