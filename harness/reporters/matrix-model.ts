import { retryNote, type CellResult, type Verdict } from '../verdicts/verdict.ts';
import type { FailureLayer } from '../contract/verify-error.ts';

export interface MatrixEntry {
  verdict: Verdict;
  layer?: FailureLayer;
  message?: string;
  durationMs: number;
  /** "passed after 1 retry (HTTP 429)": the harness retried transient failures in this cell. */
  retried?: string;
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
    const retried = retryNote(result);
    row.entries[column] = { verdict: result.verdict, layer: result.layer, message: result.message, durationMs: result.durationMs, ...(retried ? { retried } : {}) };
  }
  return { schemaVersion: 1, runId, columns, rows: [...rows.values()] };
}
