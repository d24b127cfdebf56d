import type { CompatibilityMatrix, MatrixEntry } from './matrix-model.ts';
import { COUNT_ORDER, entryLabel, knownFailures, needsAttention, targetLabel } from './matrix-text.ts';
import { VERDICT_SYMBOL, type VerdictCounts } from './summary.ts';

export const escapeCell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');

/** A matrix cell in Markdown: symbol plus words where the symbol is not enough ("❌ model", "🔁 2/3", "❌ model known"). */
export function entryMarkdown(entry: MatrixEntry): string {
  const { qualifier } = entryLabel(entry);
  return [VERDICT_SYMBOL[entry.verdict], qualifier, entry.baselined ? 'known' : entry.newFailure ? 'new' : undefined].filter(Boolean).join(' ');
}

/** "❌ 2 (1 known) · ✅ 9 · ➖ 1" (zero counts left out; known = baselined failures). */
export function countsMarkdown(counts: VerdictCounts, known = 0): string {
  const knownOn = counts.fail > 0 ? 'fail' : 'error';
  return COUNT_ORDER.filter((verdict) => counts[verdict] > 0)
    .map((verdict) => `${VERDICT_SYMBOL[verdict]} ${counts[verdict]}${known > 0 && verdict === knownOn ? ` (${known} known)` : ''}`)
    .join(' · ');
}

export function totalsMarkdown(matrix: CompatibilityMatrix): string {
  const { totals } = matrix;
  const parts = COUNT_ORDER.filter((verdict) => totals[verdict] > 0).map((verdict) => `${totals[verdict]} ${verdict}`);
  if (totals.baselined > 0) parts.push(`${totals.baselined} known (baselined)`);
  if (totals.newFailures > 0) parts.push(`${totals.newFailures} new (not in the baseline)`);
  if (totals.stale > 0) parts.push(`${totals.stale} stale baseline`);
  return `**${totals.cells} cells:** ${parts.join(' · ') || 'none'}`;
}

/** Per target, per suite: counts; and the target's total. */
export function summaryTableMarkdown(matrix: CompatibilityMatrix): string[] {
  const header = ['target', ...matrix.suites.map((suite) => suite.suite)];
  const lines = [`| ${header.map(escapeCell).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of matrix.rows) {
    const cells = matrix.suites.map((suite) => {
      const counts = row.summary[suite.suite];
      return counts ? countsMarkdown(counts, knownFailures(row, suite.suite)) : '';
    });
    lines.push(`| ${[targetLabel(row) + (row.servedAs ? ` — ${row.servedAs}` : '') + (row.notLiveVerified ? ' (not live-verified here)' : ''), ...cells].map(escapeCell).join(' | ')} |`);
  }
  return lines;
}

/** New failures first, then other failures and errors, flaky cells, known failures, stale entries. */
function rank(entry: MatrixEntry): number {
  if (entry.newFailure) return 0;
  if ((entry.verdict === 'fail' || entry.verdict === 'error') && !entry.baselined) return 1;
  if (entry.verdict === 'flaky') return 2;
  if (entry.baselined) return 3;
  return 4;
}

/** One line per cell that needs attention, most urgent first, at most `limit` (then how many more). */
export function attentionLines(matrix: CompatibilityMatrix, limit: number, messageLength: number): string[] {
  const cells = matrix.rows.flatMap((row) => matrix.columns.map((column) => ({ row, column, entry: row.entries[column] })));
  const urgent = cells.flatMap(({ row, column, entry }) => (entry && needsAttention(entry) ? [{ row, column, entry }] : []));
  urgent.sort((a, b) => rank(a.entry) - rank(b.entry));
  const lines = urgent.map(({ row, column, entry }) => {
    const { qualifier } = entryLabel(entry);
    const what = `${entry.verdict}${qualifier ? ` (${qualifier})` : ''}${entry.baselined ? ', known' : ''}${entry.newFailure ? ', new' : ''}${entry.termination ? `, termination ${entry.termination}` : ''}`;
    const message = entry.message ? `: ${escapeCell(entry.message.slice(0, messageLength))}` : '';
    return `- \`${row.provider}/${row.model}/${row.protocol}\` **${column}** — ${what}${message}`;
  });
  return lines.length > limit ? [...lines.slice(0, limit), `- … and ${lines.length - limit} more (see matrix.md / matrix.html)`] : lines;
}

/** The providers that did not run, one table row each, with what each needs. */
export function unconfiguredMarkdown(matrix: CompatibilityMatrix, headingLevel: string): string[] {
  if (matrix.unconfigured.length === 0) return [];
  const cells = matrix.unconfigured.reduce((sum, entry) => sum + entry.cells, 0);
  const lines = [
    `${headingLevel} Not configured here: ${matrix.unconfigured.length} provider${matrix.unconfigured.length === 1 ? '' : 's'}, ${cells} cells skipped`,
    '',
    '| provider | what it needs | models | cells |',
    '| --- | --- | --- | --- |',
  ];
  for (const entry of matrix.unconfigured) {
    const needs = entry.needs.slice(0, 2).join('; ') + (entry.needs.length > 2 ? `; … and ${entry.needs.length - 2} more` : '');
    lines.push(`| ${[entry.provider, needs.slice(0, 400), String(entry.models.length), String(entry.cells)].map(escapeCell).join(' | ')} |`);
  }
  return lines;
}
