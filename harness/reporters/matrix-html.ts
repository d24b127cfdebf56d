import type { CompatibilityMatrix } from './matrix-model.ts';
import { VERDICT_SYMBOL } from './summary.ts';
import { VERDICTS } from '../verdicts/verdict.ts';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** matrix.html: a standalone page for publishing the nightly matrix; hover a cell for its message. */
export function renderMatrixHtml(matrix: CompatibilityMatrix): string {
  const head = matrix.columns.map((column) => `<th><span>${escapeHtml(column)}</span></th>`).join('');
  const body = matrix.rows
    .map((row) => {
      const label = `${escapeHtml(`${row.provider} / ${row.model} / ${row.protocol}`)}${row.notLiveVerified ? ` <em title="${escapeHtml(row.notLiveVerified)}">not live-verified here</em>` : ''}`;
      const cells = matrix.columns
        .map((column) => {
          const entry = row.entries[column];
          if (!entry) return '<td></td>';
          const title = `${entry.verdict}${entry.layer ? ` (${entry.layer})` : ''}${entry.message ? `: ${entry.message}` : ''}${entry.retried ? ` — ${entry.retried}` : ''}`;
          return `<td class="${entry.verdict}" title="${escapeHtml(title.slice(0, 500))}">${VERDICT_SYMBOL[entry.verdict]}${entry.layer ? `<small>${entry.layer}</small>` : ''}${entry.retried ? '<small>↻ retried</small>' : ''}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${label}</th>${cells}</tr>`;
    })
    .join('\n');
  const legend = VERDICTS.map((verdict) => `<span class="${verdict}">${VERDICT_SYMBOL[verdict]} ${verdict}</span>`).join(' ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>llm-verify matrix ${escapeHtml(matrix.runId)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse}
th,td{border:1px solid #ccc;padding:.25rem .4rem;text-align:center}th[scope=row]{text-align:left;white-space:nowrap}
thead th{vertical-align:bottom}thead th span{writing-mode:vertical-rl;transform:rotate(180deg)}
td small{display:block;font-size:.7em;color:#900}.fail{background:#fde2e2}.error{background:#fff0c2}.pass{background:#e3f6e3}
.unsupported,.skipped{background:#f2f2f2}em{font-size:.8em;color:#666}
</style></head><body>
<h1>Compatibility matrix</h1><p>Run <code>${escapeHtml(matrix.runId)}</code>. ${legend}</p>
<table><thead><tr><th>provider / model / protocol</th>${head}</tr></thead>
<tbody>
${body}
</tbody></table></body></html>
`;
}
