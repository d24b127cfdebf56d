import { cellId } from '../matrix/cell.ts';
import type { CellResult } from '../verdicts/verdict.ts';
import type { BaselineEntry, BaselineFile } from './baseline-file.ts';

export interface BaselineUpdate {
  baseline: BaselineFile;
  added: string[];
  removed: string[];
  changed: string[];
}

const REASON_LIMIT = 200;

/**
 * `--update-baseline`: the baseline that expects exactly this run's failures. A failing cell gets an
 * entry with its verdict and layer (an existing reason is kept, else the cell's message); a cell
 * that passed loses its entry (unless the entry says the cell is sampled); a flaky cell (`--repeat`)
 * gets a `sampled` entry with the layer of its failing runs; entries of cells this run did not check
 * (other shards or filters, skipped, unsupported) are kept as they are.
 */
export function updateBaseline(previous: BaselineFile, cells: readonly CellResult[]): BaselineUpdate {
  const expectedFailures: Record<string, BaselineEntry> = { ...previous.expectedFailures };
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  for (const cell of cells) {
    const id = cellId(cell);
    const before = expectedFailures[id];
    if (cell.verdict === 'fail' || cell.verdict === 'error') {
      // An entry that already expects this failure stays as written (a looser hand-written entry too).
      if (before && (before.verdict === undefined || before.verdict === cell.verdict) && (before.layer === undefined || before.layer === cell.layer)) continue;
      const reason = before?.reason ?? (cell.message ?? '').split('\n')[0]?.slice(0, REASON_LIMIT);
      expectedFailures[id] = { verdict: cell.verdict, ...(cell.layer ? { layer: cell.layer } : {}), ...(reason ? { reason } : {}), ...(before?.sampled ? { sampled: true } : {}) };
      (before ? changed : added).push(id);
    } else if (cell.verdict === 'flaky') {
      // Failed some of its --repeat runs: expected to fail on some nights, pass on others.
      if (before?.sampled === true && (before.layer === undefined || before.layer === cell.layer)) continue;
      const reason = before?.reason ?? `flaky: ${(cell.message ?? '').split('\n')[0]}`.slice(0, REASON_LIMIT);
      expectedFailures[id] = { ...(cell.layer ? { layer: cell.layer } : {}), reason, sampled: true };
      (before ? changed : added).push(id);
    } else if (cell.verdict === 'pass' && before && before.sampled !== true) {
      delete expectedFailures[id];
      removed.push(id);
    }
  }
  return { baseline: { ...previous, expectedFailures }, added, removed, changed };
}
