import { cellId } from '../matrix/cell.ts';
import type { CellResult } from '../verdicts/verdict.ts';
import type { RunMetadata } from './run-metadata.ts';
import { countVerdicts } from './summary.ts';

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');
const FAILURE_LIMIT = 60;

/**
 * matrix.summary.md: the compact matrix for a GitHub job summary — one row per tested target with
 * its verdict counts (and baseline status), targets with nothing run collapsed into one line, then
 * the failing cells, new failures first. Small whatever the matrix size.
 */
export function renderMatrixSummary(run: RunMetadata, cells: readonly CellResult[]): string {
  const groups = Map.groupBy(cells, (cell) => `${cell.provider}/${cell.model}/${cell.protocol}`);
  const tested = [...groups].filter(([, group]) => group.some((cell) => cell.verdict !== 'skipped'));
  const untested = [...groups].filter(([, group]) => group.every((cell) => cell.verdict === 'skipped'));
  const withBaseline = cells.some((cell) => cell.baseline) || run.baseline !== undefined;
  const lines = [`**llm-verify** run \`${run.runId}\`${run.shard ? ` (shard ${run.shard.index}/${run.shard.count})` : ''}${run.repeat ? `, --repeat ${run.repeat}` : ''}: ${cells.length} cells`, ''];
  if (tested.length > 0) {
    const header = ['target', 'pass', 'fail', 'error', 'flaky', 'unsupported', 'skipped', ...(withBaseline ? ['known', 'new', 'stale'] : [])];
    lines.push(`| ${header.join(' | ')} |`, `| ${header.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`);
    for (const [target, group] of tested) {
      const counts = countVerdicts(group);
      const marks = (status: string) => String(group.filter((cell) => cell.baseline?.status === status).length);
      const row = [escapeCell(target), counts.pass, counts.fail, counts.error, counts.flaky, counts.unsupported, counts.skipped].map(String);
      lines.push(`| ${[...row, ...(withBaseline ? [marks('known'), marks('new'), marks('stale')] : [])].join(' | ')} |`);
    }
    lines.push('');
  }
  if (untested.length > 0) lines.push(`Not run (${untested.length} target(s), not configured or unreachable): ${untested.map(([target]) => `\`${target}\``).join(', ')}`, '');
  const failing = cells
    .filter((cell) => cell.verdict === 'fail' || cell.verdict === 'error' || cell.verdict === 'flaky' || cell.baseline?.status === 'stale')
    .sort((a, b) => rank(a) - rank(b));
  if (failing.length > 0) {
    lines.push('| cell | verdict | baseline | message |', '| --- | --- | --- | --- |');
    for (const cell of failing.slice(0, FAILURE_LIMIT)) {
      const verdict = `${cell.verdict}${cell.layer ? ` [${cell.layer}]` : ''}${cell.repeat ? ` ${cell.repeat.passes}/${cell.repeat.runs}` : ''}`;
      lines.push(`| \`${escapeCell(cellId(cell))}\` | ${verdict} | ${cell.baseline?.status ?? ''} | ${escapeCell((cell.message ?? '').split('\n')[0]?.slice(0, 140) ?? '')} |`);
    }
    if (failing.length > FAILURE_LIMIT) lines.push('', `…and ${failing.length - FAILURE_LIMIT} more in matrix.md.`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** New failures first, then other failures, flaky, known failures, stale entries. */
function rank(cell: CellResult): number {
  if (cell.baseline?.status === 'new') return 0;
  if ((cell.verdict === 'fail' || cell.verdict === 'error') && !cell.baseline) return 1;
  if (cell.verdict === 'flaky') return 2;
  if (cell.baseline?.status === 'known') return 3;
  return 4;
}
