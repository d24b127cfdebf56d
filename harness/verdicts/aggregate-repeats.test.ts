import { describe, expect, it } from 'vitest';
import { aggregateRepeats, endsRepeats } from './aggregate-repeats.ts';
import type { CellResult } from './verdict.ts';

const run = (verdict: CellResult['verdict'], extra: Partial<CellResult> = {}): CellResult => ({
  runId: 'r',
  suite: 'core',
  test: 'basic_chat',
  provider: 'llama_cpp',
  model: 'smol',
  protocol: 'openai-chat',
  verdict,
  durationMs: 10,
  startedAt: '2026-01-01T00:00:00.000Z',
  assertion: 'model',
  tags: [],
  ...extra,
});

describe('aggregateRepeats', () => {
  it('returns a single run unchanged (no --repeat)', () => {
    const only = run('fail', { layer: 'model' });
    expect(aggregateRepeats([only])).toBe(only);
  });

  it('N/N passes is pass, with the statistics and total time', () => {
    const result = aggregateRepeats([run('pass'), run('pass'), run('pass')]);
    expect(result.verdict).toBe('pass');
    expect(result.durationMs).toBe(30);
    expect(result.repeat).toMatchObject({ runs: 3, passes: 3, passRate: 1, passHatK: [1, 1, 1], wilson95: { low: 0.4385, high: 1 } });
    expect(result.repeat?.attempts.map((attempt) => attempt.verdict)).toEqual(['pass', 'pass', 'pass']);
  });

  it('0/N is the failure (fail before error), with its layer and message', () => {
    const result = aggregateRepeats([run('error', { layer: 'transport', message: 'reset' }), run('fail', { layer: 'model', message: 'said 5' })]);
    expect(result.verdict).toBe('fail');
    expect(result.layer).toBe('model');
    expect(result.message).toBe('said 5 (0/2 runs passed)');
    expect(result.repeat).toMatchObject({ runs: 2, passes: 0, passHatK: [0, 0] });
    expect(aggregateRepeats([run('error', { layer: 'infra' }), run('error', { layer: 'infra' })]).verdict).toBe('error');
  });

  it('k of N is flaky, naming the failing runs and their layer', () => {
    const result = aggregateRepeats([run('pass'), run('fail', { layer: 'model', message: 'said 5' }), run('pass')]);
    expect(result.verdict).toBe('flaky');
    expect(result.layer).toBe('model');
    expect(result.message).toBe('2/3 pass (67%, 95% CI 21%–94%); failing runs: fail [model]: said 5');
    expect(result.repeat).toMatchObject({ runs: 3, passes: 2, passRate: 0.6667 });
  });

  it('stops repeating once a run is decided (skipped, unsupported)', () => {
    expect(endsRepeats(run('unsupported'))).toBe(true);
    expect(endsRepeats(run('skipped'))).toBe(true);
    expect(endsRepeats(run('fail'))).toBe(false);
  });
});
