import { describe, expect, it } from 'vitest';
import { cellResult } from '../testing/matrix-cells.ts';
import { cellExtras } from './cell-extras.ts';

describe('cellExtras', () => {
  it('is empty for a plain result: nothing invented', () => {
    expect(cellExtras(cellResult({ details: { text: 'hi', usage: { input: 3 } } }))).toEqual({ timings: {} });
  });

  it('reads attempts, repeat, baseline and stale in the shapes a result may carry', () => {
    expect(cellExtras(cellResult({ attempts: 3, repeat: { runs: 5, passes: 4 } }))).toMatchObject({ attempts: 3, repeat: { runs: 5, passes: 4 } });
    expect(cellExtras(cellResult({ retry: { attempts: 2 } })).attempts).toBe(2);
    expect(cellExtras(cellResult({ flaky: { runs: 3, passes: 1, passRate: 0.33 } })).repeat).toEqual({ runs: 3, passes: 1 });
    expect(cellExtras(cellResult({ baselined: true })).baselined).toEqual({});
    expect(cellExtras(cellResult({ baselined: 'tiny model' })).baselined).toEqual({ reason: 'tiny model' });
    expect(cellExtras(cellResult({ baseline: { reason: 'gap', layer: 'protocol' } })).baselined).toEqual({ reason: 'gap' });
    expect(cellExtras(cellResult({ baseline: { status: 'stale' } })).stale).toBe(true);
    expect(cellExtras(cellResult({ baseline: { status: 'new' } })).baselined).toBeUndefined();
  });

  it('ignores malformed values', () => {
    expect(cellExtras(cellResult({ attempts: 0, repeat: { runs: 'x', passes: 1 } as never, baselined: 7 }))).toEqual({ timings: {} });
  });

  it('keeps numeric timings (…Ms, …PerSecond) from details, nothing else', () => {
    expect(cellExtras(cellResult({ details: { ttftMs: 12, outputTokensPerSecond: 80.5, text: 'x', streamDurationMs: 'n/a', tokens: 4 } })).timings).toEqual({ ttftMs: 12, outputTokensPerSecond: 80.5 });
  });
});
