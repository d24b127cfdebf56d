import type { CellOutcome, RecordedChange, RunDiff } from './run-diff.ts';

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');

function describe(outcome: CellOutcome | undefined): string {
  if (!outcome) return '—';
  const baseline = outcome.baseline ? ` (baseline: ${outcome.baseline})` : '';
  return `${outcome.verdict}${outcome.layer ? ` [${outcome.layer}]` : ''}${baseline}${outcome.message && outcome.verdict !== 'pass' ? `: ${outcome.message.slice(0, 120)}` : ''}`;
}

function changeTable(title: string, changes: ReadonlyArray<{ id: string; a?: CellOutcome; b?: CellOutcome }>): string[] {
  if (changes.length === 0) return [];
  return [
    `## ${title} (${changes.length})`,
    '',
    '| cell | A | B |',
    '| --- | --- | --- |',
    ...changes.map((change) => `| \`${escapeCell(change.id)}\` | ${escapeCell(describe(change.a))} | ${escapeCell(describe(change.b))} |`),
    '',
  ];
}

function recordedTable(title: string, what: string, changes: readonly RecordedChange[]): string[] {
  if (changes.length === 0) return [];
  return [`## ${title}`, '', `| ${what} | A | B |`, '| --- | --- | --- |', ...changes.map((change) => `| ${escapeCell(change.key)} | ${escapeCell(change.a ?? '(not recorded)')} | ${escapeCell(change.b ?? '(not recorded)')} |`), ''];
}

/** The one-line count of a diff, e.g. "1 newly failing, 2 newly passing, 0 changed layer, …". */
export function diffCounts(diff: RunDiff): string {
  return [
    `${diff.newlyFailing.length} newly failing`,
    `${diff.newlyPassing.length} newly passing`,
    `${diff.changedLayer.length} changed layer`,
    `${diff.otherChanges.length} other verdict changes`,
    `${diff.newCells.length} new cells`,
    `${diff.removedCells.length} removed cells`,
    `${diff.unchanged} unchanged`,
  ].join(', ');
}

/** `diff --format md`: GitHub-flavoured Markdown (a PR comment or a job summary). */
export function renderDiffMarkdown(diff: RunDiff): string {
  const lines = [
    '# llm-verify diff',
    '',
    `- A: run \`${diff.a.runId}\` (${diff.a.cells} cells, ${diff.a.path})`,
    `- B: run \`${diff.b.runId}\` (${diff.b.cells} cells, ${diff.b.path})`,
    '',
    `**${diffCounts(diff)}**`,
    '',
    ...changeTable('Newly failing', diff.newlyFailing),
    ...changeTable('Newly passing', diff.newlyPassing),
    ...changeTable('Failing in another layer', diff.changedLayer),
    ...changeTable('Other verdict changes', diff.otherChanges),
    ...changeTable('New cells', diff.newCells),
    ...changeTable('Removed cells', diff.removedCells),
    ...recordedTable('Server versions that changed', 'provider', diff.serverVersions),
    ...recordedTable('Model digests that changed', 'provider/model', diff.modelDigests),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
