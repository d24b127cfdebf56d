import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyBaseline, baselineTotals, uncheckedEntries, type BaselineTotals } from '../baseline/apply-baseline.ts';
import { emptyBaseline, readBaseline, writeBaseline, type BaselineFile } from '../baseline/baseline-file.ts';
import { updateBaseline, type BaselineUpdate } from '../baseline/update-baseline.ts';
import type { FailOn } from '../config/run-args.ts';
import { cellId } from '../matrix/cell.ts';
import { UsageError } from '../matrix/usage-error.ts';
import { isFailing, type CellResult } from '../verdicts/verdict.ts';

type Write = (line: string) => void;

export interface BaselineOption {
  path: string;
  file: BaselineFile;
  update: boolean;
}

/** Reads `--baseline FILE` before anything runs, so a bad file is exit 2 at once. */
export function loadBaselineOption(path: string | undefined, update: boolean | undefined): BaselineOption | undefined {
  if (path === undefined || path === '') {
    if (update) throw new UsageError('--update-baseline needs --baseline FILE: the file to write, e.g. --baseline llm-verify.baseline.json --update-baseline');
    return undefined;
  }
  const absolute = resolve(path);
  const file = update && !existsSync(absolute) ? emptyBaseline() : readBaseline(path);
  return { path: absolute, file, update: update === true };
}

export interface SettledBaseline {
  cells: CellResult[];
  totals: BaselineTotals;
  /** Baseline entries this run did not check (other shards or filters, skipped, unsupported). */
  unchecked: string[];
  entries: number;
  update?: BaselineUpdate;
}

/** Marks the run's cells against the baseline; with --update-baseline first rewrites the file to expect this run's failures. */
export function settleBaseline(results: readonly CellResult[], option: BaselineOption): SettledBaseline {
  let file = option.file;
  let update: BaselineUpdate | undefined;
  if (option.update) {
    update = updateBaseline(file, results);
    file = update.baseline;
    writeBaseline(option.path, file);
  }
  const cells = applyBaseline(results, file);
  return { cells, totals: baselineTotals(cells), unchecked: uncheckedEntries(results, file), entries: Object.keys(file.expectedFailures).length, update };
}

const describeCell = (cell: CellResult) => `${cellId(cell)} — ${cell.verdict}${cell.layer ? ` [${cell.layer}]` : ''}`;

/** The console's baseline section: totals, each new failure, each stale entry, and what --update-baseline changed. */
export function printBaseline(settled: SettledBaseline, path: string, write: Write): void {
  const { totals, cells } = settled;
  write('');
  write(
    `baseline ${path}: ${totals.known} known failure(s), ${totals.new} new failure(s), ${totals.stale} stale entr${totals.stale === 1 ? 'y' : 'ies'}; ${settled.unchecked.length} of ${settled.entries} entries not checked by this run`,
  );
  for (const cell of cells.filter((entry) => entry.baseline?.status === 'new')) {
    const expected = cell.baseline?.expected;
    write(`  NEW    ${describeCell(cell)}${expected ? ` (the baseline expects ${expected.verdict ?? 'a failure'}${expected.layer ? ` [${expected.layer}]` : ''})` : ''}`);
  }
  for (const cell of cells.filter((entry) => entry.baseline?.status === 'stale')) write(`  STALE  ${cellId(cell)} passed: remove it from the baseline (--update-baseline)`);
  const update = settled.update;
  if (update) {
    write(`baseline rewritten (--update-baseline): ${update.added.length} added, ${update.changed.length} changed, ${update.removed.length} removed`);
    for (const id of update.added) write(`  ADDED    ${id}`);
    for (const id of update.changed) write(`  CHANGED  ${id}`);
    for (const id of update.removed) write(`  REMOVED  ${id} (passes now)`);
  }
}

/**
 * Exit code 1 when a cell fails or errors in a --fail-on layer and is not a known failure of the
 * baseline, or (when asked) on drift, stale baseline entries, flaky cells.
 */
export function runFails(cells: readonly CellResult[], failOn: FailOn, driftCount: number): { failing: CellResult[]; reasons: string[] } {
  const failing = cells.filter(
    (cell) => isFailing(cell.verdict) && cell.baseline?.status !== 'known' && (cell.verdict === 'error' || failOn.layers.has(cell.layer ?? 'infra')),
  );
  const reasons: string[] = [];
  if (failOn.drift && driftCount > 0) reasons.push(`${driftCount} cell(s) drift from their declared capabilities (--fail-on drift)`);
  const stale = cells.filter((cell) => cell.baseline?.status === 'stale').length;
  if (failOn.stale && stale > 0) reasons.push(`${stale} stale baseline entr${stale === 1 ? 'y' : 'ies'}: the cells pass now (--fail-on stale)`);
  const flaky = cells.filter((cell) => cell.verdict === 'flaky').length;
  if (failOn.flaky && flaky > 0) reasons.push(`${flaky} flaky cell(s) (--fail-on flaky)`);
  return { failing, reasons };
}
