import { describe, expect, it } from 'vitest';
import { cellResult } from '../testing/matrix-cells.ts';
import { cellExtras } from './cell-extras.ts';

describe('cellExtras', () => {
  it('is empty for a plain result: nothing invented', () => {
    expect(cellExtras(cellResult({ details: { text: 'hi', usage: { input: 3 } } }))).toEqual({ timings: {} });
  });

  it('reads --repeat statistics and each run (the shape verify --repeat records)', () => {
    const repeat = {
      runs: 3,
      passes: 2,
      passRate: 0.6667,
      passHatK: [0.6667, 0.3333, 0],
      wilson95: { low: 0.2077, high: 0.9385 },
      attempts: [{ verdict: 'pass', durationMs: 5 }, { verdict: 'fail', layer: 'model', message: 'x', durationMs: 6 }, { verdict: 'pass', durationMs: 4 }, { bogus: true }],
    };
    expect(cellExtras(cellResult({ verdict: 'flaky', repeat } as never)).repeat).toEqual({
      runs: 3,
      passes: 2,
      passRate: 0.6667,
      passHatK: [0.6667, 0.3333, 0],
      wilson95: { low: 0.2077, high: 0.9385 },
      outcomes: [{ verdict: 'pass' }, { verdict: 'fail', layer: 'model' }, { verdict: 'pass' }],
    });
    expect(cellExtras(cellResult({ repeat: { runs: 5, passes: 4 } as never })).repeat).toEqual({ runs: 5, passes: 4 });
  });

  it('reads where a cell stands against the baseline: known, new (with what was expected), stale', () => {
    expect(cellExtras(cellResult({ baseline: { status: 'known', reason: 'tiny model' } }))).toMatchObject({ baselined: { reason: 'tiny model' } });
    expect(cellExtras(cellResult({ baseline: { status: 'known' } })).baselined).toEqual({});
    const fresh = cellExtras(cellResult({ baseline: { status: 'new', expected: { verdict: 'fail', layer: 'model' } } }));
    expect(fresh).toMatchObject({ newFailure: { expected: 'fail [model]' } });
    expect(fresh.baselined).toBeUndefined();
    expect(cellExtras(cellResult({ baseline: { status: 'new' } })).newFailure).toEqual({});
    const stale = cellExtras(cellResult({ baseline: { status: 'stale', reason: 'was failing' } }));
    expect(stale).toMatchObject({ stale: true });
    expect(stale.baselined).toBeUndefined();
    expect(cellExtras(cellResult({ baselined: true })).baselined).toEqual({});
    expect(cellExtras(cellResult({ baselined: 'gap' })).baselined).toEqual({ reason: 'gap' });
  });

  it('reads harness retries when recorded', () => {
    expect(cellExtras(cellResult({ attempts: 3 })).attempts).toBe(3);
    expect(cellExtras(cellResult({ retry: { attempts: 2 } })).attempts).toBe(2);
  });

  it('ignores malformed values', () => {
    expect(cellExtras(cellResult({ attempts: 0, repeat: { runs: 'x', passes: 1 } as never, baselined: 7 }))).toEqual({ timings: {} });
  });

  it('keeps numeric timings (…Ms, …PerSecond) from details, nothing else', () => {
    expect(cellExtras(cellResult({ details: { ttftMs: 12, outputTokensPerSecond: 80.5, text: 'x', streamDurationMs: 'n/a', tokens: 4 } })).timings).toEqual({ ttftMs: 12, outputTokensPerSecond: 80.5 });
  });
});
