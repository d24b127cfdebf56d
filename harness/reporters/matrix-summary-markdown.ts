import type { CompatibilityMatrix } from './matrix-model.ts';
import { needsAttention } from './matrix-text.ts';
import { attentionLines, summaryTableMarkdown, totalsMarkdown, unconfiguredMarkdown } from './matrix-markdown-parts.ts';

/** How many cells needing attention the compact summary lists before "… and N more". */
const ATTENTION_LIMIT = 40;

/**
 * matrix.summary.md: the compact matrix for a GitHub job summary ($GITHUB_STEP_SUMMARY) — totals,
 * per target and suite counts, the cells needing attention (folded), and the unconfigured
 * providers; the full matrix stays in matrix.md / matrix.html.
 */
export function renderMatrixSummaryMarkdown(matrix: CompatibilityMatrix): string {
  const lines: string[] = [`### Compatibility matrix — run ${matrix.runId}`, '', totalsMarkdown(matrix), ''];
  if (matrix.rows.length > 0) lines.push(...summaryTableMarkdown(matrix), '');
  const attention = attentionLines(matrix, ATTENTION_LIMIT, 160);
  if (attention.length > 0) {
    const count = matrix.rows.reduce((sum, row) => sum + Object.values(row.entries).filter(needsAttention).length, 0);
    lines.push(`<details><summary>${count} cell${count === 1 ? '' : 's'} need attention (fail, error, flaky, stale)</summary>`, '', ...attention, '', '</details>', '');
  }
  const unconfigured = unconfiguredMarkdown(matrix, '####');
  if (unconfigured.length > 0) lines.push(...unconfigured, '');
  return `${lines.join('\n').trimEnd()}\n`;
}
