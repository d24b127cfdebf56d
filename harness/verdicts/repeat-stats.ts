/** Statistics of a cell run N times (`--repeat N`). */
export interface RepeatStats {
  runs: number;
  passes: number;
  /** passes / runs. */
  passRate: number;
  /**
   * pass^k for k = 1..runs: the chance that k independent tries all pass, estimated without bias from
   * the runs (C(passes, k) / C(runs, k), as in τ-bench). pass^1 is the pass rate; pass^runs is 1 only
   * when every run passed.
   */
  passHatK: number[];
  /** 95% Wilson score interval of the pass rate. */
  wilson95: { low: number; high: number };
}

const Z95 = 1.959964;

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** The 95% Wilson score interval for `passes` of `runs` (well-behaved at 0/N and N/N, unlike the normal interval). */
export function wilsonInterval(passes: number, runs: number, z = Z95): { low: number; high: number } {
  if (runs === 0) return { low: 0, high: 1 };
  const p = passes / runs;
  const z2 = z * z;
  const denominator = 1 + z2 / runs;
  const centre = (p + z2 / (2 * runs)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / runs + z2 / (4 * runs * runs))) / denominator;
  return { low: round(Math.max(0, centre - half)), high: round(Math.min(1, centre + half)) };
}

/** C(passes, k) / C(runs, k), computed as a product to stay exact for small N. */
export function passHatK(passes: number, runs: number, k: number): number {
  if (k > runs || k < 1) throw new RangeError(`pass^k needs 1 <= k <= runs (k=${k}, runs=${runs})`);
  let value = 1;
  for (let i = 0; i < k; i += 1) value *= Math.max(0, passes - i) / (runs - i);
  return round(value);
}

export function repeatStats(passes: number, runs: number): RepeatStats {
  return {
    runs,
    passes,
    passRate: runs === 0 ? 0 : round(passes / runs),
    passHatK: Array.from({ length: runs }, (_, index) => passHatK(passes, runs, index + 1)),
    wilson95: wilsonInterval(passes, runs),
  };
}

/** "2/3 pass (67%, 95% CI 21%–94%)": for consoles, Markdown and JUnit. */
export function describeRepeat(stats: Pick<RepeatStats, 'runs' | 'passes' | 'passRate' | 'wilson95'>): string {
  const pct = (value: number) => `${Math.round(value * 100)}%`;
  return `${stats.passes}/${stats.runs} pass (${pct(stats.passRate)}, 95% CI ${pct(stats.wilson95.low)}–${pct(stats.wilson95.high)})`;
}
