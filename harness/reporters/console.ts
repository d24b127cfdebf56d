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
    write(
      `[${String(done).padStart(width)}/${total}] ${VERDICT_ASCII[result.verdict].padEnd(5)} ${result.provider}/${result.model}/${result.protocol} ${result.suite}.${result.test} ${result.durationMs} ms${layer}${reason}`,
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

/** The summary table (one row per provider/model/protocol), the report paths and the summary line. */
export function printSummary(results: readonly CellResult[], paths: ReportPaths, write: Write): void {
  const groups = Map.groupBy(results, (result) => `${result.provider}/${result.model}/${result.protocol}`);
  const rows = [...groups].map(([key, cells]) => {
    const counts = countVerdicts(cells);
    return [key, counts.pass, counts.fail, counts.error, counts.skipped, counts.unsupported, counts.flaky].map(String);
  });
  const header = ['target', 'pass', 'fail', 'error', 'skipped', 'unsupported', 'flaky'];
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => (row[index] ?? '').length)));
  const format = (row: string[]) => row.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');
  write('');
  write(format(header));
  for (const row of rows) write(format(row));
  write('');
  write(`journal:  ${paths.journal}`);
  write(`results:  ${paths.results}`);
  write(`junit:    ${paths.junit}`);
  write(`matrix:   ${paths.matrixMarkdown} (also .json, .html; compact: ${basename(paths.matrixSummary)})`);
  write(summaryLine(results));
}
