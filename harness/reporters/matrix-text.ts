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

/** "2 fail · 1 error · 9 pass · 1 unsupported" (zero counts left out). */
export function countsText(counts: VerdictCounts): string {
  return COUNT_ORDER.filter((verdict) => counts[verdict] > 0)
    .map((verdict) => `${counts[verdict]} ${verdict}`)
    .join(' · ');
}

const formatNumber = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** The facts of one cell as label/value pairs, for its detail view. Only what the result recorded. */
export function entryFacts(entry: MatrixEntry): Array<[string, string]> {
  const facts: Array<[string, string]> = [['verdict', entry.verdict]];
  if (entry.layer) facts.push(['layer', entry.layer]);
  if (entry.kind) facts.push(['kind', entry.kind]);
  if (entry.repeat) {
    const rate = entry.repeat.runs > 0 ? Math.round((100 * entry.repeat.passes) / entry.repeat.runs) : 0;
    facts.push(['runs', `${entry.repeat.passes} of ${entry.repeat.runs} passed (${rate}%)`]);
  }
  if (entry.attempts !== undefined) facts.push(['attempts', String(entry.attempts)]);
  if (entry.retried) facts.push(['retries', entry.retried]);
  if (entry.baselined) facts.push(['baseline', `known failure${entry.baselined.reason ? `: ${entry.baselined.reason}` : ''}`]);
  if (entry.stale) facts.push(['baseline', 'stale: listed as a known failure, passes now']);
  facts.push(['duration', `${entry.durationMs} ms`]);
  for (const [key, value] of Object.entries(entry.timings ?? {})) facts.push([key, formatNumber(value)]);
  if (entry.startedAt) facts.push(['started', entry.startedAt]);
  return facts;
}
