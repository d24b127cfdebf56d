import { describe, expect, it } from 'vitest';
import type { CellResult } from '../verdicts/verdict.ts';
import { renderMatrixSummary } from './matrix-summary.ts';
import type { RunMetadata } from './run-metadata.ts';

const cell = (provider: string, test: string, verdict: CellResult['verdict'], extra: Partial<CellResult> = {}): CellResult => ({
  runId: 'r',
  suite: 'core',
  test,
  provider,
  model: 'm',
  protocol: 'openai-chat',
  verdict,
  durationMs: 1,
  startedAt: '2026-01-01T00:00:00.000Z',
  assertion: 'protocol',
  tags: [],
  ...extra,
});

const run: RunMetadata = {
  runId: 'run-1',
  harnessVersion: '0.1.0',
  nodeVersion: 'v24',
  platform: 'linux-x64',
  startedAt: '2026-01-01T00:00:00.000Z',
  argv: [],
  filters: {},
  endpointVersions: {},
  notLiveVerified: {},
  complete: true,
  shard: { index: 1, count: 2 },
  baseline: { file: 'b.json', entries: 2, unchecked: [] },
};

describe('renderMatrixSummary (matrix.summary.md)', () => {
  const md = renderMatrixSummary(run, [
    cell('llama_cpp', 'health_check', 'pass'),
    cell('llama_cpp', 'invalid_model', 'fail', { layer: 'protocol', message: 'answered | anyway', baseline: { status: 'known' } }),
    cell('llama_cpp', 'usage', 'fail', { layer: 'protocol', message: 'sums', baseline: { status: 'new' } }),
    cell('openai', 'health_check', 'skipped', { message: 'no credentials' }),
  ]);

  it('counts verdicts and baseline marks per tested target; collapses targets with nothing run', () => {
    expect(md).toContain('**llm-verify** run `run-1` (shard 1/2): 4 cells');
    expect(md).toContain('| llama_cpp/m/openai-chat | 1 | 2 | 0 | 0 | 0 | 0 | 1 | 1 | 0 |');
    expect(md).toContain('Not run (1 target(s), not configured or unreachable): `openai/m/openai-chat`');
  });

  it('lists failing cells, new failures first, escaped', () => {
    const newRow = md.indexOf('core.usage');
    const knownRow = md.indexOf('core.invalid_model');
    expect(newRow).toBeGreaterThan(0);
    expect(newRow).toBeLessThan(knownRow);
    expect(md).toContain('| `llama_cpp/m/openai-chat/core.invalid_model` | fail [protocol] | known | answered \\| anyway |');
  });
});
