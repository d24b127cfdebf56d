import { costLine, costTotals, targetCostText } from './cost-report.ts';
import { basename } from 'node:path';
import type { Cell } from '../matrix/cell.ts';
import type { CellResult, Verdict } from '../verdicts/verdict.ts';
import { countVerdicts, summaryLine, VERDICT_ASCII } from './summary.ts';
import type { ReportPaths } from './write-reports.ts';

type Write = (line: string) => void;

/** One progress line per finished cell: "[ 12/40] PASS  llama_cpp/…/core.basic_chat  143 ms". */
export function createProgressPrinter(total: number, write: Write): (result: CellResult) => void {
  let done = 0;
  const width = String(total).length;
  return (result) => {
    done += 1;
    const layer = result.verdict === 'fail' && result.layer ? ` [${result.layer}]` : '';
    const reason = result.verdict !== 'pass' && result.message ? ` — ${result.message.split('\n')[0]?.slice(0, 140)}` : '';
    const repeat = result.repeat ? ` (${result.repeat.passes}/${result.repeat.runs} runs passed)` : '';
    write(
      `[${String(done).padStart(width)}/${total}] ${VERDICT_ASCII[result.verdict].padEnd(5)} ${result.provider}/${result.model}/${result.protocol} ${result.suite}.${result.test} ${result.durationMs} ms${repeat}${layer}${reason}`,
    );
  };
}

/**
 * Cells decided without running (unsupported, skipped), one line per target and reason instead of
 * one per cell: "SKIP  openai/gpt-5.1/openai-chat: 34 cells — no credentials: set OPENAI_API_KEY".
 */
export function printDecidedCells(cells: readonly Cell[], write: Write): void {
  const groups = Map.groupBy(
    cells.filter((cell) => cell.gate.action !== 'run'),
    (cell) => `${cell.provider}/${cell.model}/${cell.protocol}\u0000${cell.gate.action}\u0000${cell.gate.action === 'run' ? '' : cell.gate.reason}`,
  );
  for (const [key, group] of groups) {
    const [target, action, reason] = key.split('\u0000');
    const label = VERDICT_ASCII[(action ?? 'skipped') as Verdict] ?? action;
    const tests = group.length <= 3 ? ` (${group.map((cell) => `${cell.suite}.${cell.test}`).join(', ')})` : '';
    write(`${label.padEnd(5)} ${target}: ${group.length} cell${group.length === 1 ? '' : 's'}${tests} — ${reason}`);
  }
}

/**
 * The summary table (one row per provider/model/protocol that ran; targets whose every cell was
 * skipped collapsed into one line per provider, as in the matrix), the report paths and the summary line.
 */
export function printSummary(results: readonly CellResult[], paths: ReportPaths, write: Write): void {
  const groups = Map.groupBy(results, (result) => `${result.provider}/${result.model}/${result.protocol}`);
  const cost = costTotals(results);
  const tested = [...groups].filter(([, cells]) => cells.some((result) => result.verdict !== 'skipped'));
  const untested = [...groups].filter(([, cells]) => cells.every((result) => result.verdict === 'skipped'));
  const rows = tested.map(([key, cells]) => {
    const counts = countVerdicts(cells);
    return [...[key, counts.pass, counts.fail, counts.error, counts.skipped, counts.unsupported, counts.flaky].map(String), targetCostText(cost, key)];
  });
  const header = ['target', 'pass', 'fail', 'error', 'skipped', 'unsupported', 'flaky', 'cost'];
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => (row[index] ?? '').length)));
  const format = (row: string[]) => row.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');
  write('');
  if (rows.length > 0) {
    write(format(header));
    for (const row of rows) write(format(row));
  }
  if (untested.length > 0) {
    const providers = [...new Set(untested.map(([, cells]) => cells[0]?.provider ?? '?'))];
    const skipped = untested.reduce((sum, [, cells]) => sum + cells.length, 0);
    write(`not run (every cell skipped): ${providers.join(', ')} — ${untested.length} target${untested.length === 1 ? '' : 's'}, ${skipped} cells; what each needs: the SKIP lines above, or the matrix`);
  }
  write('');
  write(`journal:  ${paths.journal}`);
  write(`results:  ${paths.results}`);
  write(`junit:    ${paths.junit}`);
  write(`matrix:   ${paths.matrixMarkdown} (also .json, .html; compact: ${basename(paths.matrixSummary)})`);
  write(costLine(cost));
  write(summaryLine(results));
}
