import { cellId } from '../matrix/cell.ts';
import type { FailureLayer } from '../contract/verify-error.ts';
import { isFailing, type BaselineMark, type CellResult, type Verdict } from '../verdicts/verdict.ts';
import type { ResultsDocument } from './results-json.ts';

/** A cell's outcome in one run, as the diff shows it. */
export interface CellOutcome {
  verdict: Verdict;
  layer?: FailureLayer;
  message?: string;
  baseline?: BaselineMark['status'];
}

export interface CellChange {
  id: string;
  a: CellOutcome;
  b: CellOutcome;
}

export interface RunSide {
  runId: string;
  path: string;
  startedAt: string;
  cells: number;
}

/** A value recorded by either run (server version, model digest), where the two differ or one lacks it. */
export interface RecordedChange {
  key: string;
  a?: string;
  b?: string;
}

/** `llm-verify diff A B`: what changed from run A to run B. */
export interface RunDiff {
  schemaVersion: 1;
  a: RunSide;
  b: RunSide;
  /** Failing (fail/error) in B, not failing in A. Makes `diff` exit 1. */
  newlyFailing: CellChange[];
  /** Passing in B, failing or flaky in A. */
  newlyPassing: CellChange[];
  /** Failing in both, in another layer. */
  changedLayer: CellChange[];
  /** Every other verdict change (e.g. pass → skipped, unsupported → pass, pass → flaky). */
  otherChanges: CellChange[];
  newCells: Array<{ id: string; b: CellOutcome }>;
  removedCells: Array<{ id: string; a: CellOutcome }>;
  unchanged: number;
  /** Server versions per provider that differ between the runs (only what the runs recorded). */
  serverVersions: RecordedChange[];
  /** Model digests per provider/model that differ between the runs (only what the runs recorded). */
  modelDigests: RecordedChange[];
}

function outcome(cell: CellResult): CellOutcome {
  return {
    verdict: cell.verdict,
    ...(cell.layer ? { layer: cell.layer } : {}),
    ...(cell.message ? { message: cell.message.split('\n')[0]?.slice(0, 200) } : {}),
    ...(cell.baseline ? { baseline: cell.baseline.status } : {}),
  };
}

function recordedChanges(a: Readonly<Record<string, string>> = {}, b: Readonly<Record<string, string>> = {}): RecordedChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((key) => a[key] !== b[key]).map((key) => ({ key, ...(a[key] !== undefined ? { a: a[key] } : {}), ...(b[key] !== undefined ? { b: b[key] } : {}) }));
}

const side = (document: ResultsDocument, path: string): RunSide => ({ runId: document.run.runId, path, startedAt: document.run.startedAt, cells: document.cells.length });

/** Compares two runs cell by cell (keyed provider/model/protocol/suite.test), in B's order. */
export function diffRuns(a: { document: ResultsDocument; path: string }, b: { document: ResultsDocument; path: string }): RunDiff {
  const before = new Map(a.document.cells.map((cell) => [cellId(cell), cell]));
  const after = new Map(b.document.cells.map((cell) => [cellId(cell), cell]));
  const diff: RunDiff = {
    schemaVersion: 1,
    a: side(a.document, a.path),
    b: side(b.document, b.path),
    newlyFailing: [],
    newlyPassing: [],
    changedLayer: [],
    otherChanges: [],
    newCells: [],
    removedCells: [],
    unchanged: 0,
    serverVersions: recordedChanges(a.document.run.endpointVersions, b.document.run.endpointVersions),
    modelDigests: recordedChanges(a.document.run.modelDigests, b.document.run.modelDigests),
  };
  for (const [id, cell] of after) {
    const old = before.get(id);
    if (!old) {
      diff.newCells.push({ id, b: outcome(cell) });
      continue;
    }
    const change = { id, a: outcome(old), b: outcome(cell) };
    if (isFailing(cell.verdict) && !isFailing(old.verdict)) diff.newlyFailing.push(change);
    else if (cell.verdict === 'pass' && (isFailing(old.verdict) || old.verdict === 'flaky')) diff.newlyPassing.push(change);
    else if (isFailing(cell.verdict) && isFailing(old.verdict) && (cell.layer !== old.layer || cell.verdict !== old.verdict)) diff.changedLayer.push(change);
    else if (cell.verdict !== old.verdict) diff.otherChanges.push(change);
    else diff.unchanged += 1;
  }
  for (const [id, cell] of before) if (!after.has(id)) diff.removedCells.push({ id, a: outcome(cell) });
  return diff;
}
