import { writeFileSync } from 'node:fs';
import { baselineTotals, type BaselineTotals } from '../baseline/apply-baseline.ts';
import type { CellResult } from '../verdicts/verdict.ts';
import { costTotals } from './cost-report.ts';
import { driftRows, type DriftRow } from './drift-report.ts';
import type { RunMetadata } from './run-metadata.ts';
import { countVerdicts, failuresByLayer, type VerdictCounts } from './summary.ts';

/** Bump on any incompatible change to the shape below. */
export const RESULTS_SCHEMA_VERSION = 1;

export interface ResultsDocument {
  schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  run: RunMetadata;
  totals: VerdictCounts & { cells: number; failuresByLayer: Record<string, number>; costUsd: number; costByTarget: Record<string, number>; unpricedTargets: string[]; baseline?: BaselineTotals };
  /** Cells whose verdict disagrees with the declared capabilities (runs with --probe). */
  drift: DriftRow[];
  cells: CellResult[];
}

export function buildResultsDocument(run: RunMetadata, cells: CellResult[]): ResultsDocument {
  const cost = costTotals(cells);
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    run,
    totals: {
      cells: cells.length,
      ...countVerdicts(cells),
      failuresByLayer: failuresByLayer(cells),
      costUsd: cost.usd,
      costByTarget: cost.byTarget,
      unpricedTargets: cost.unpricedTargets,
      ...(run.baseline || cells.some((cell) => cell.baseline) ? { baseline: baselineTotals(cells) } : {}),
    },
    drift: driftRows(cells),
    cells,
  };
}

export function writeResultsJson(path: string, document: ResultsDocument): void {
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
}
