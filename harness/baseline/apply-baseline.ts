import { cellId } from '../matrix/cell.ts';
import type { BaselineMark, CellResult } from '../verdicts/verdict.ts';
import type { BaselineEntry, BaselineFile } from './baseline-file.ts';

/** How a run stands against its baseline (results.json `baseline`, the console, the exit code). */
export interface BaselineTotals {
  /** Failures the baseline expects: they do not fail the run. */
  known: number;
  /** Failures the baseline does not expect (or expects with another verdict or layer): they fail the run. */
  new: number;
  /** Baselined cells that passed: remove them (--update-baseline); `--fail-on stale` fails the run. */
  stale: number;
}

const idOf = (cell: CellResult) => cellId(cell);

function matches(entry: BaselineEntry, cell: CellResult): boolean {
  return (entry.verdict === undefined || entry.verdict === cell.verdict) && (entry.layer === undefined || entry.layer === cell.layer);
}

function expectedOf(entry: BaselineEntry): BaselineMark['expected'] {
  return entry.verdict === undefined && entry.layer === undefined ? undefined : { verdict: entry.verdict, layer: entry.layer };
}

/** The mark a cell gets against the baseline, or none (a pass nobody expected to fail; skipped, unsupported). */
export function baselineMark(cell: CellResult, baseline: BaselineFile): BaselineMark | undefined {
  const entry = baseline.expectedFailures[idOf(cell)];
  const reason = entry?.reason ? { reason: entry.reason } : {};
  if (cell.verdict === 'fail' || cell.verdict === 'error') {
    if (!entry) return { status: 'new' };
    return matches(entry, cell) ? { status: 'known', ...reason } : { status: 'new', ...reason, expected: expectedOf(entry) ?? {} };
  }
  if (!entry) return undefined;
  // A sampled cell passes some runs: that is what its entry says, not a stale entry.
  if (cell.verdict === 'pass' && entry.sampled === true) return undefined;
  if (cell.verdict === 'pass') return { status: 'stale', ...reason, expected: expectedOf(entry) };
  // flaky: still failing some of the time, as the baseline says.
  if (cell.verdict === 'flaky') return { status: 'known', ...reason };
  return undefined;
}

/** Every cell with its baseline mark (a copy; the journal keeps the raw verdicts). */
export function applyBaseline(cells: readonly CellResult[], baseline: BaselineFile): CellResult[] {
  return cells.map((cell) => {
    const { baseline: _previous, ...rest } = cell;
    const mark = baselineMark(rest, baseline);
    return mark ? { ...rest, baseline: mark } : rest;
  });
}

export function baselineTotals(cells: readonly CellResult[]): BaselineTotals {
  const totals: BaselineTotals = { known: 0, new: 0, stale: 0 };
  for (const cell of cells) if (cell.baseline) totals[cell.baseline.status] += 1;
  return totals;
}

/** Baseline entries whose cell this run did not check (filtered out, another shard, skipped, unsupported). */
export function uncheckedEntries(cells: readonly CellResult[], baseline: BaselineFile): string[] {
  const checked = new Set(cells.filter((cell) => cell.verdict !== 'skipped' && cell.verdict !== 'unsupported').map(idOf));
  return Object.keys(baseline.expectedFailures).filter((id) => !checked.has(id));
}
