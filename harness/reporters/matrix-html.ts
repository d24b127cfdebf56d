import { VERDICTS } from '../verdicts/verdict.ts';
import { escapeHtml, failuresList, matrixTable, summaryTable, unconfiguredTable } from './matrix-html-parts.ts';
import { MATRIX_CSS } from './matrix-html-style.ts';
import type { CompatibilityMatrix } from './matrix-model.ts';
import { COUNT_ORDER, VERDICT_WORD } from './matrix-text.ts';
import type { RunMetadata } from './run-metadata.ts';

function runLine(matrix: CompatibilityMatrix, run?: RunMetadata): string {
  const parts = [`run <code>${escapeHtml(matrix.runId)}</code>`];
  if (run) {
    parts.push(`started ${escapeHtml(run.startedAt)}`, `llm-verify ${escapeHtml(run.harnessVersion)}`);
    if (!run.complete) parts.push('<strong>incomplete run</strong>');
    for (const [provider, version] of Object.entries(run.endpointVersions)) parts.push(`${escapeHtml(provider)}: ${escapeHtml(version)}`);
  }
  return `<p class="meta">${parts.join(' · ')}</p>`;
}

function totalsLine(matrix: CompatibilityMatrix): string {
  const { totals } = matrix;
  const badges = COUNT_ORDER.filter((verdict) => totals[verdict] > 0 || verdict === 'fail' || verdict === 'pass').map(
    (verdict) => `<span class="badge v-${verdict}">${totals[verdict]} ${verdict}</span>`,
  );
  if (totals.baselined > 0) badges.push(`<span class="badge v-fail known">${totals.baselined} known failure${totals.baselined === 1 ? '' : 's'}</span>`);
  if (totals.newFailures > 0) badges.push(`<span class="badge v-fail new">${totals.newFailures} new failure${totals.newFailures === 1 ? '' : 's'}</span>`);
  if (totals.stale > 0) badges.push(`<span class="badge v-pass stale">${totals.stale} stale baseline</span>`);
  return `<p><strong>${totals.cells} cells:</strong> ${badges.join('')}</p>`;
}

const legend = () =>
  `<span class="legend">${VERDICTS.map((verdict) => `<span class="v-${verdict}">${VERDICT_WORD[verdict]} = ${verdict}</span>`).join('')}<span class="v-fail known">known = in the baseline</span><span class="v-fail new">new = not in the baseline</span></span>`;

/**
 * matrix.html: a standalone page (no script, no external asset) for publishing the matrix: totals,
 * a summary per target and suite, the matrix with sticky headers and per-cell details, what failed
 * where in words, and the providers that were not configured.
 */
export function renderMatrixHtml(matrix: CompatibilityMatrix, run?: RunMetadata): string {
  const { table, popovers } = matrixTable(matrix);
  const tested = matrix.rows.length;
  const body =
    tested === 0
      ? '<p>No target ran: every provider was skipped (see below).</p>'
      : `<h2>Summary per target</h2>
${summaryTable(matrix)}
<h2>Matrix</h2>
<div class="controls"><label><input type="checkbox" id="only-failing"> show only targets with failing cells</label>${legend()}<span class="meta">click a cell for its details</span></div>
${table}
<h2>What needs attention</h2>
${failuresList(matrix)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>llm-verify matrix ${escapeHtml(matrix.runId)}</title>
<style>${MATRIX_CSS}</style></head><body>
<h1>Compatibility matrix</h1>
${runLine(matrix, run)}
${totalsLine(matrix)}
${body}
${unconfiguredTable(matrix)}
${popovers}
</body></html>
`;
}
