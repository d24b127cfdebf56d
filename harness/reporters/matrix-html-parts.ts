import type { CompatibilityMatrix, MatrixEntry, MatrixRow } from './matrix-model.ts';
import { COUNT_ORDER, countsText, entryFacts, entryLabel, knownFailures, needsAttention, targetLabel } from './matrix-text.ts';
import type { VerdictCounts } from './summary.ts';

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const MESSAGE_LIMIT = 4000;

function rowLabel(row: MatrixRow): string {
  const notLive = row.notLiveVerified ? ` <span class="notlive" title="${escapeHtml(row.notLiveVerified)}">(not live-verified here)</span>` : '';
  const servedAs = row.servedAs ? `<small>${escapeHtml(row.servedAs)}</small>` : '';
  return `${escapeHtml(row.provider)}${notLive}<small>${escapeHtml(row.model)} · ${escapeHtml(row.protocol)}</small>${servedAs}`;
}

function bar(counts: VerdictCounts): string {
  const total = COUNT_ORDER.reduce((sum, verdict) => sum + counts[verdict], 0);
  if (total === 0) return '';
  const parts = COUNT_ORDER.filter((verdict) => counts[verdict] > 0).map(
    (verdict) => `<span class="b-${verdict}" style="width:${((100 * counts[verdict]) / total).toFixed(2)}%"></span>`,
  );
  return `<div class="bar" aria-hidden="true">${parts.join('')}</div>`;
}

function countsHtml(counts: VerdictCounts, known: number): string {
  const text = escapeHtml(countsText(counts, known));
  return `<div class="counts">${counts.fail + counts.error > 0 ? text.replace(/^(\d+ (?:fail|error)(?: \(\d+ known\))?)/, '<b>$1</b>') : text}</div>`;
}

const sumCounts = (all: VerdictCounts[]): VerdictCounts => {
  const total = Object.fromEntries(COUNT_ORDER.map((verdict) => [verdict, 0])) as VerdictCounts;
  for (const counts of all) for (const verdict of COUNT_ORDER) total[verdict] += counts[verdict];
  return total;
};

/** Per target: a coloured bar and the counts of each suite, and the target's total. */
export function summaryTable(matrix: CompatibilityMatrix): string {
  const head = matrix.suites.map((suite) => `<th scope="col">${escapeHtml(suite.suite)}</th>`).join('');
  const body = matrix.rows
    .map((row) => {
      const cells = matrix.suites.map((suite) => {
        const counts = row.summary[suite.suite];
        return counts ? `<td>${bar(counts)}${countsHtml(counts, knownFailures(row, suite.suite))}</td>` : '<td></td>';
      });
      const total = sumCounts(Object.values(row.summary));
      return `<tr><th scope="row">${rowLabel(row)}</th>${cells.join('')}<td>${bar(total)}${countsHtml(total, knownFailures(row))}</td></tr>`;
    })
    .join('\n');
  return `<table class="summary"><thead><tr><th scope="col">target</th>${head}<th scope="col">all suites</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function cellTitle(entry: MatrixEntry): string {
  const label = entryLabel(entry);
  const head = `${entry.verdict}${label.qualifier ? ` (${label.qualifier})` : ''}${entry.baselined ? ', known failure' : ''}${entry.newFailure ? ', new failure' : ''}`;
  return `${head}${entry.message ? `: ${entry.message.slice(0, 300)}` : ''}`;
}

function popover(id: string, row: MatrixRow, column: string, entry: MatrixEntry): string {
  const facts = entryFacts(entry)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const message = entry.message ? `<pre>${escapeHtml(entry.message.slice(0, MESSAGE_LIMIT))}${entry.message.length > MESSAGE_LIMIT ? '\n…' : ''}</pre>` : '';
  const transcript = entry.transcript
    ? `<p><a href="${escapeHtml(encodeURI(entry.transcript))}">transcript (${escapeHtml(entry.transcript)})</a></p>`
    : '';
  return `<div popover id="${id}" class="detail"><h3>${escapeHtml(column)}</h3><div class="meta">${escapeHtml(targetLabel(row))}</div><dl>${facts}</dl>${message}${transcript}</div>`;
}

/**
 * The matrix: two sticky header rows (suites, then their tests), a sticky target column, and one
 * button per cell opening its detail (native popover, no script).
 */
export function matrixTable(matrix: CompatibilityMatrix): { table: string; popovers: string } {
  const suitesRow = matrix.suites
    .map((suite) => `<th scope="colgroup" colspan="${suite.tests.length}">${escapeHtml(suite.suite)}</th>`)
    .join('');
  const testsRow = matrix.suites
    .flatMap((suite) => suite.tests.map((test, index) => `<th scope="col"${index === 0 ? ' class="first"' : ''} title="${escapeHtml(`${suite.suite}.${test}`)}"><span>${escapeHtml(test)}</span></th>`))
    .join('');
  const firstColumns = new Set(matrix.suites.map((suite) => `${suite.suite}.${suite.tests[0] ?? ''}`));
  const popovers: string[] = [];
  const body = matrix.rows
    .map((row, rowIndex) => {
      let attention = false;
      const cells = matrix.columns.map((column, columnIndex) => {
        const first = firstColumns.has(column) ? ' first' : '';
        const entry = row.entries[column];
        if (!entry) return `<td class="empty${first}"></td>`;
        const urgent = needsAttention(entry);
        attention ||= urgent;
        const id = `c${rowIndex}-${columnIndex}`;
        popovers.push(popover(id, row, column, entry));
        const label = entryLabel(entry);
        const classes = [`v-${entry.verdict}`, urgent ? 'bad' : 'ok', entry.baselined ? 'known' : '', entry.newFailure ? 'new' : '', entry.stale ? 'stale' : ''].filter(Boolean).join(' ');
        const qualifier = label.qualifier ? `<small>${escapeHtml(label.qualifier)}</small>` : '';
        const mark = entry.baselined ? '<small>known</small>' : entry.newFailure ? '<small>new</small>' : '';
        return `<td class="${classes}${first}" data-column="${escapeHtml(column)}"><button type="button" popovertarget="${id}" title="${escapeHtml(cellTitle(entry))}">${escapeHtml(label.word)}${qualifier}${mark}</button></td>`;
      });
      return `<tr class="${attention ? 'attention' : 'quiet'}" data-target="${escapeHtml(`${row.provider}/${row.model}/${row.protocol}`)}"><th scope="row">${rowLabel(row)}</th>${cells.join('')}</tr>`;
    })
    .join('\n');
  const table = `<div class="scroll"><table class="matrix"><thead><tr class="suites"><th class="corner" rowspan="2">target</th>${suitesRow}</tr><tr class="tests">${testsRow}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
  return { table, popovers: popovers.join('\n') };
}

/** Every cell that needs attention, grouped by target, in plain text (readable without clicking). */
export function failuresList(matrix: CompatibilityMatrix): string {
  const groups = matrix.rows.flatMap((row) => {
    const items = matrix.columns.flatMap((column) => {
      const entry = row.entries[column];
      if (!entry || !needsAttention(entry)) return [];
      const label = entryLabel(entry);
      const first = entry.message?.split('\n')[0]?.slice(0, 240) ?? '';
      return [
        `<li><code>${escapeHtml(column)}</code> <span class="badge v-${entry.verdict}${entry.baselined ? ' known' : ''}${entry.newFailure ? ' new' : ''}">${escapeHtml(label.word)}${label.qualifier ? ` ${escapeHtml(label.qualifier)}` : ''}${entry.baselined ? ' known' : ''}${entry.newFailure ? ' new' : ''}</span> ${escapeHtml(first)}</li>`,
      ];
    });
    return items.length > 0 ? [`<li><strong>${escapeHtml(targetLabel(row))}</strong><ul>${items.join('')}</ul></li>`] : [];
  });
  return groups.length > 0 ? `<ul class="failures">${groups.join('\n')}</ul>` : '<p>Nothing failed.</p>';
}

/** Providers none of whose cells ran, one row each, with what each needs. */
export function unconfiguredTable(matrix: CompatibilityMatrix): string {
  if (matrix.unconfigured.length === 0) return '';
  const rows = matrix.unconfigured.map((entry) => {
    const needs = entry.needs.slice(0, 3).map((need) => `<div>${escapeHtml(need)}</div>`).join('') + (entry.needs.length > 3 ? `<div>… and ${entry.needs.length - 3} more</div>` : '');
    return `<tr><td>${escapeHtml(entry.provider)}</td><td>${needs}</td><td>${entry.models.length}</td><td>${escapeHtml(entry.protocols.join(', '))}</td><td>${entry.cells}</td></tr>`;
  });
  const cells = matrix.unconfigured.reduce((sum, entry) => sum + entry.cells, 0);
  return `<h2 id="unconfigured">Not configured here: ${matrix.unconfigured.length} provider${matrix.unconfigured.length === 1 ? '' : 's'}, ${cells} cells skipped</h2>
<table class="summary unconfigured"><thead><tr><th>provider</th><th>what it needs</th><th>models</th><th>protocols</th><th>cells</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}
