import type { BaselineMark, CellResult, Verdict } from '../verdicts/verdict.ts';
import type { FailureLayer } from '../contract/verify-error.ts';

export interface MatrixEntry {
  verdict: Verdict;
  layer?: FailureLayer;
  message?: string;
  durationMs: number;
  /** With --baseline: known failure, new failure, or stale entry. */
  baseline?: BaselineMark['status'];
  /** With --repeat: passes of runs, pass rate and its 95% Wilson interval. */
  repeat?: { runs: number; passes: number; passRate: number; wilson95: { low: number; high: number } };
}

export interface MatrixRow {
  provider: string;
  model: string;
  protocol: string;
  /** Absent when live-verified; else why this row was not run against a real endpoint here. */
  notLiveVerified?: string;
  entries: Record<string, MatrixEntry>;
}

export interface CompatibilityMatrix {
  schemaVersion: 1;
  runId: string;
  /** Column ids, "suite.test", in suite order. */
  columns: string[];
  rows: MatrixRow[];
}

/** Rows = provider/model/protocol, columns = suite.test, from the journal's cells. */
export function buildMatrix(runId: string, results: readonly CellResult[], notLiveVerified: Readonly<Record<string, string>>): CompatibilityMatrix {
  const columns: string[] = [];
  const rows = new Map<string, MatrixRow>();
  for (const result of results) {
    const column = `${result.suite}.${result.test}`;
    if (!columns.includes(column)) columns.push(column);
    const key = `${result.provider}/${result.model}/${result.protocol}`;
    let row = rows.get(key);
    if (!row) {
      row = { provider: result.provider, model: result.model, protocol: result.protocol, entries: {} };
      const why = notLiveVerified[result.provider];
      if (why) row.notLiveVerified = why;
      rows.set(key, row);
    }
    const entry: MatrixEntry = { verdict: result.verdict, layer: result.layer, message: result.message, durationMs: result.durationMs };
    if (result.baseline) entry.baseline = result.baseline.status;
    if (result.repeat) {
      const { runs, passes, passRate, wilson95 } = result.repeat;
      entry.repeat = { runs, passes, passRate, wilson95 };
    }
    row.entries[column] = entry;
  }
  return { schemaVersion: 1, runId, columns, rows: [...rows.values()] };
}
