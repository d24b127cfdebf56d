import { describeRepeat, repeatStats } from './repeat-stats.ts';
import type { CellResult } from './verdict.ts';

/** A run ended like this is decided for the cell: running it again cannot change the verdict. */
export function endsRepeats(result: CellResult): boolean {
  return result.verdict === 'skipped' || result.verdict === 'unsupported';
}

/**
 * One verdict from N independent runs of a cell: pass (N/N), the failing verdict (0/N: `fail`
 * when any run failed, else `error`, with that run's layer and message), or `flaky` (0 < k < N)
 * carrying the failing runs' layer. Every report gets the counts, pass rate, pass^k and the 95%
 * Wilson interval (`repeat`), and each run's outcome (`repeat.attempts`). A single run is returned as is.
 */
export function aggregateRepeats(runs: readonly CellResult[]): CellResult {
  const [first] = runs;
  if (!first) throw new Error('aggregateRepeats needs at least one run');
  if (runs.length === 1) return first;
  const passes = runs.filter((run) => run.verdict === 'pass').length;
  const stats = repeatStats(passes, runs.length);
  const attempts = runs.map((run) => ({ verdict: run.verdict, layer: run.layer, message: run.message, durationMs: run.durationMs }));
  const durationMs = runs.reduce((sum, run) => sum + run.durationMs, 0);
  const failed = runs.find((run) => run.verdict === 'fail') ?? runs.find((run) => run.verdict === 'error') ?? runs.find((run) => run.verdict !== 'pass');
  const base = passes === runs.length || !failed ? first : failed;
  const repeat = { ...stats, attempts };
  if (passes === runs.length) return { ...base, durationMs, repeat };
  if (passes === 0) return { ...base, startedAt: first.startedAt, durationMs, repeat, message: `${base.message ?? base.verdict} (0/${runs.length} runs passed)` };
  const failing = runs.filter((run) => run.verdict !== 'pass');
  const layers = [...new Set(failing.map((run) => run.layer).filter((layer) => layer !== undefined))];
  return {
    ...base,
    verdict: 'flaky',
    layer: layers.length === 1 ? layers[0] : base.layer,
    startedAt: first.startedAt,
    durationMs,
    repeat,
    message: `${describeRepeat(stats)}; failing runs: ${failing.map((run) => `${run.verdict}${run.layer ? ` [${run.layer}]` : ''}: ${(run.message ?? '').split('\n')[0]?.slice(0, 160)}`).join(' | ')}`,
  };
}
