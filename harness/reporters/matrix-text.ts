import type { Verdict } from '../verdicts/verdict.ts';
import type { MatrixEntry, MatrixRow } from './matrix-model.ts';
import type { VerdictCounts } from './summary.ts';

/** Words for verdicts where colour alone must not carry the meaning (HTML cells, summaries). */
export const VERDICT_WORD: Record<Verdict, string> = {
  pass: 'pass',
  fail: 'FAIL',
  error: 'ERROR',
  flaky: 'flaky',
  unsupported: 'unsup',
  skipped: 'skip',
};

/** Order in which counts are listed: what needs attention first. */
export const COUNT_ORDER: readonly Verdict[] = ['fail', 'error', 'flaky', 'pass', 'unsupported', 'skipped'];

/** Entries that need a person's attention (the "failing" filter): fail, error, flaky, stale baseline. */
export function needsAttention(entry: MatrixEntry): boolean {
  return entry.verdict === 'fail' || entry.verdict === 'error' || entry.verdict === 'flaky' || entry.stale === true;
}

export const targetLabel = (row: Pick<MatrixRow, 'provider' | 'model' | 'protocol'>) => `${row.provider} / ${row.model} / ${row.protocol}`;

/** The short text in a matrix cell: a word and a qualifier ("FAIL" "model", "flaky" "2/3", "pass" "stale"). */
export function entryLabel(entry: MatrixEntry): { word: string; qualifier?: string } {
  const word = VERDICT_WORD[entry.verdict];
  if (entry.verdict === 'flaky' && entry.repeat) return { word, qualifier: `${entry.repeat.passes}/${entry.repeat.runs}` };
  if ((entry.verdict === 'fail' || entry.verdict === 'error') && entry.layer) return { word, qualifier: entry.layer };
  if (entry.stale) return { word, qualifier: 'stale' };
  return { word };
}

/** "2 fail (1 known) · 1 error · 9 pass · 1 unsupported" (zero counts left out; known = baselined failures). */
export function countsText(counts: VerdictCounts, known = 0): string {
  const knownOn = counts.fail > 0 ? 'fail' : 'error';
  return COUNT_ORDER.filter((verdict) => counts[verdict] > 0)
    .map((verdict) => `${counts[verdict]} ${verdict}${known > 0 && verdict === knownOn ? ` (${known} known)` : ''}`)
    .join(' · ');
}

/** Baselined failures of a row, in one suite or in all. */
export function knownFailures(row: Pick<MatrixRow, 'entries'>, suite?: string): number {
  return Object.entries(row.entries).filter(([column, entry]) => entry.baselined && (suite === undefined || column.startsWith(`${suite}.`))).length;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** passes/runs with the pass rate, its 95% Wilson interval, pass^k and each run, as far as recorded. */
function repeatFacts(repeat: NonNullable<MatrixEntry['repeat']>): Array<[string, string]> {
  const rate = repeat.passRate ?? (repeat.runs > 0 ? repeat.passes / repeat.runs : 0);
  const interval = repeat.wilson95 ? `, 95% CI ${percent(repeat.wilson95.low)}–${percent(repeat.wilson95.high)}` : '';
  const facts: Array<[string, string]> = [['runs', `${repeat.passes} of ${repeat.runs} passed (${percent(rate)}${interval})`]];
  if (repeat.passHatK && repeat.passHatK.length > 1) facts.push(['pass^k', repeat.passHatK.map((value, index) => `k=${index + 1}: ${value.toFixed(2)}`).join(', ')]);
  if (repeat.outcomes) facts.push(['each run', repeat.outcomes.map((outcome) => `${outcome.verdict}${outcome.layer ? ` [${outcome.layer}]` : ''}`).join(', ')]);
  return facts;
}

const formatNumber = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** The facts of one cell as label/value pairs, for its detail view. Only what the result recorded. */
export function entryFacts(entry: MatrixEntry): Array<[string, string]> {
  const facts: Array<[string, string]> = [['verdict', entry.verdict]];
  if (entry.layer) facts.push(['layer', entry.layer]);
  if (entry.kind) facts.push(['kind', entry.kind]);
  if (entry.termination) facts.push(['termination', entry.termination]);
  if (entry.repeat) facts.push(...repeatFacts(entry.repeat));
  if (entry.attempts !== undefined) facts.push(['attempts', String(entry.attempts)]);
  if (entry.baselined) facts.push(['baseline', `known failure${entry.baselined.reason ? `: ${entry.baselined.reason}` : ''}`]);
  if (entry.newFailure) facts.push(['baseline', `new failure${entry.newFailure.expected ? ` (the baseline expects ${entry.newFailure.expected})` : ' (not in the baseline)'}`]);
  if (entry.stale) facts.push(['baseline', 'stale: listed as a known failure, passes now']);
  facts.push(['duration', `${entry.durationMs} ms`]);
  for (const [key, value] of Object.entries(entry.timings ?? {})) facts.push([key, formatNumber(value)]);
  if (entry.startedAt) facts.push(['started', entry.startedAt]);
  return facts;
}
