import { describe, expect, it } from 'vitest';
import { failOnLayers } from '../config/run-args.ts';
import type { CellResult } from '../verdicts/verdict.ts';
import { runFails } from './verify-baseline.ts';

const cell = (verdict: CellResult['verdict'], extra: Partial<CellResult> = {}): CellResult => ({
  runId: 'r',
  suite: 'core',
  test: 't',
  provider: 'p',
  model: 'm',
  protocol: 'openai-chat',
  verdict,
  durationMs: 1,
  startedAt: '2026-01-01T00:00:00.000Z',
  assertion: 'protocol',
  tags: [],
  ...extra,
});

describe('runFails (the exit code)', () => {
  it('a known failure does not fail the run; a new one does', () => {
    expect(runFails([cell('fail', { layer: 'model', baseline: { status: 'known' } })], failOnLayers(undefined), 0).failing).toHaveLength(0);
    expect(runFails([cell('fail', { layer: 'model', baseline: { status: 'new' } })], failOnLayers(undefined), 0).failing).toHaveLength(1);
    expect(runFails([cell('error', { layer: 'infra', baseline: { status: 'known' } })], failOnLayers(undefined), 0).failing).toHaveLength(0);
  });

  it('stale entries and flaky cells fail the run only when asked', () => {
    const cells = [cell('pass', { baseline: { status: 'stale' } }), cell('flaky', { layer: 'model' })];
    expect(runFails(cells, failOnLayers(undefined), 0)).toEqual({ failing: [], reasons: [] });
    expect(runFails(cells, failOnLayers(['stale,flaky']), 0).reasons).toEqual([
      '1 stale baseline entry: the cells pass now (--fail-on stale)',
      '1 flaky cell(s) (--fail-on flaky)',
    ]);
  });

  it('keeps --fail-on layers: a model failure with --fail-on protocol does not fail the run', () => {
    expect(runFails([cell('fail', { layer: 'model' })], failOnLayers(['protocol']), 0).failing).toHaveLength(0);
  });
});
