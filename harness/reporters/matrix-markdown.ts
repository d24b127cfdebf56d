import type { CompatibilityMatrix } from './matrix-model.ts';
import { VERDICT_SYMBOL } from './summary.ts';
import { VERDICTS } from '../verdicts/verdict.ts';

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');

/** matrix.md: one row per provider/model/protocol, one column per test, a symbol per verdict. */
export function renderMatrixMarkdown(matrix: CompatibilityMatrix): string {
  const lines: string[] = [`# Compatibility matrix — run ${matrix.runId}`, ''];
  const header = ['provider / model / protocol', ...matrix.columns];
  lines.push(`| ${header.map(escapeCell).join(' | ')} |`);
  lines.push(`| ${header.map(() => '---').join(' | ')} |`);
  for (const row of matrix.rows) {
    const label = `${row.provider} / ${row.model} / ${row.protocol}${row.notLiveVerified ? ' (not live-verified here)' : ''}`;
    const cells = matrix.columns.map((column) => {
      const entry = row.entries[column];
      if (!entry) return ' ';
      const symbol = entry.verdict === 'fail' && entry.layer ? `${VERDICT_SYMBOL.fail} ${entry.layer}` : VERDICT_SYMBOL[entry.verdict];
      return entry.retried ? `${symbol} ↻` : symbol;
    });
    lines.push(`| ${[label, ...cells].map(escapeCell).join(' | ')} |`);
  }
  lines.push('', '**Legend:** ' + VERDICTS.map((verdict) => `${VERDICT_SYMBOL[verdict]} ${verdict}`).join(' · ') + ' — a failure names its layer (transport, protocol, parser, model, infra); ↻ the harness retried transient failures (see Notes).');
  const notes = matrix.rows.flatMap((row) =>
    Object.entries(row.entries)
      .filter(([, entry]) => (entry.verdict !== 'pass' && entry.message) || entry.retried)
      .map(([column, entry]) => {
        const message = entry.verdict !== 'pass' && entry.message ? `: ${escapeCell(entry.message.slice(0, 300))}` : '';
        return `- \`${row.provider}/${row.model}/${row.protocol}\` **${column}** — ${entry.verdict}${entry.layer ? ` (${entry.layer})` : ''}${message}${entry.retried ? ` — ${entry.retried}` : ''}`;
      }),
  );
  if (notes.length > 0) lines.push('', '## Notes', '', ...notes);
  return `${lines.join('\n')}\n`;
}
