import type { CellResult, Verdict } from '../verdicts/verdict.ts';
import { VERDICTS } from '../verdicts/verdict.ts';

export type VerdictCounts = Record<Verdict, number>;

export function countVerdicts(results: readonly CellResult[]): VerdictCounts {
  const counts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as VerdictCounts;
  for (const result of results) counts[result.verdict] += 1;
  return counts;
}

/** Failures by layer, e.g. { model: 3, protocol: 1 }. */
export function failuresByLayer(results: readonly CellResult[]): Record<string, number> {
  const layers: Record<string, number> = {};
  for (const result of results) {
    if (result.verdict !== 'fail') continue;
    const layer = result.layer ?? 'unknown';
    layers[layer] = (layers[layer] ?? 0) + 1;
  }
  return layers;
}

/** The one-line summary the CLI ends with, e.g. "llm-verify: 40 cells: 30 pass, 5 fail (model 5), …". */
export function summaryLine(results: readonly CellResult[]): string {
  const counts = countVerdicts(results);
  const layers = Object.entries(failuresByLayer(results))
    .map(([layer, count]) => `${layer} ${count}`)
    .join(', ');
  const parts = VERDICTS.map((verdict) => `${counts[verdict]} ${verdict}${verdict === 'fail' && layers ? ` (${layers})` : ''}`);
  return `llm-verify: ${results.length} cells: ${parts.join(', ')}`;
}

export const VERDICT_SYMBOL: Record<Verdict, string> = {
  pass: '✅',
  fail: '❌',
  unsupported: '➖',
  skipped: '⏭️',
  error: '⚠️',
  flaky: '🔁',
};

/** Plain-text symbols for terminals and places that do not render emoji. */
export const VERDICT_ASCII: Record<Verdict, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  unsupported: 'UNSUP',
  skipped: 'SKIP',
  error: 'ERROR',
  flaky: 'FLAKY',
};
