import type { CompatibilityMatrix } from './matrix-model.ts';
import { attentionLines, entryMarkdown, escapeCell, summaryTableMarkdown, totalsMarkdown, unconfiguredMarkdown } from './matrix-markdown-parts.ts';
import { VERDICT_SYMBOL } from './summary.ts';
import { VERDICTS } from '../verdicts/verdict.ts';

/**
 * matrix.md: totals, a summary per target, one table per suite (columns in the suite's order, one
 * row per target that ran), every cell needing attention with its message, and the providers
 * that were not configured collapsed to one line each.
 */
export function renderMatrixMarkdown(matrix: CompatibilityMatrix): string {
  const lines: string[] = [`# Compatibility matrix — run ${matrix.runId}`, '', totalsMarkdown(matrix), ''];
  if (matrix.rows.length === 0) lines.push('No target ran: every provider was skipped (see below).', '');
  else {
    lines.push('## Summary per target', '', ...summaryTableMarkdown(matrix), '');
    for (const suite of matrix.suites) {
      const header = ['target', ...suite.tests];
      lines.push(`## ${suite.suite}`, '', `| ${header.map(escapeCell).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
      for (const row of matrix.rows) {
        if (!row.summary[suite.suite]) continue;
        const cells = suite.tests.map((test) => {
          const entry = row.entries[`${suite.suite}.${test}`];
          return entry ? entryMarkdown(entry) : ' ';
        });
        lines.push(`| ${[`${row.provider} / ${row.model} / ${row.protocol}`, ...cells].map(escapeCell).join(' | ')} |`);
      }
      lines.push('');
    }
    lines.push(
      '**Legend:** ' + VERDICTS.map((verdict) => `${VERDICT_SYMBOL[verdict]} ${verdict}`).join(' · ') +
        ' — a failure names its layer (transport, protocol, parser, model, infra, harness); with --baseline "known" = an expected failure, "new" = one the baseline does not expect, "stale" = a baselined cell that passes; with --repeat, flaky k/N = runs passed.',
      '',
    );
    const attention = attentionLines(matrix, Infinity, 300);
    if (attention.length > 0) lines.push('## What needs attention', '', ...attention, '');
  }
  const unconfigured = unconfiguredMarkdown(matrix, '##');
  if (unconfigured.length > 0) lines.push(...unconfigured, '');
  return `${lines.join('\n').trimEnd()}\n`;
}
