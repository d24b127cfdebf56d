import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { baselineTotals } from '../baseline/apply-baseline.ts';
import { newRunId } from '../config/run-args.ts';
import { cellId } from '../matrix/cell.ts';
import { UsageError } from '../matrix/usage-error.ts';
import { printSummary } from '../reporters/console.ts';
import { readStoredRun, type StoredRun } from '../reporters/read-run.ts';
import type { SuiteOrder } from '../reporters/matrix-model.ts';
import type { RunMetadata } from '../reporters/run-metadata.ts';
import { writeReports } from '../reporters/write-reports.ts';
import type { CellResult } from '../verdicts/verdict.ts';

type Write = (line: string) => void;

/** Shards of one split that are absent from the merged runs, e.g. ["2/3"]. */
export function missingShards(runs: readonly StoredRun[]): string[] {
  const counts = new Set(runs.flatMap((run) => (run.document.run.shard ? [run.document.run.shard.count] : [])));
  const missing: string[] = [];
  for (const count of counts) {
    const present = new Set(runs.flatMap((run) => (run.document.run.shard?.count === count ? [run.document.run.shard.index] : [])));
    for (let index = 1; index <= count; index += 1) if (!present.has(index)) missing.push(`${index}/${count}`);
  }
  return missing;
}

/** The metadata of the merged run: times span every run, versions and capabilities are united. */
export function mergedMetadata(runs: readonly StoredRun[], argv: string[], runId: string): RunMetadata {
  const metas = runs.map((run) => run.document.run);
  const first = metas[0];
  if (!first) throw new Error('mergedMetadata needs a run');
  const times = (values: Array<string | undefined>) => values.filter((value): value is string => typeof value === 'string').sort();
  const repeats = new Set(metas.map((meta) => meta.repeat ?? 1));
  const baselines = metas.flatMap((meta) => (meta.baseline ? [meta.baseline] : []));
  const firstBaseline = baselines[0];
  return {
    runId,
    harnessVersion: first.harnessVersion,
    nodeVersion: first.nodeVersion,
    platform: first.platform,
    startedAt: times(metas.map((meta) => meta.startedAt))[0] ?? new Date().toISOString(),
    finishedAt: times(metas.map((meta) => meta.finishedAt)).at(-1),
    argv,
    filters: {},
    endpointVersions: Object.assign({}, ...metas.map((meta) => meta.endpointVersions)) as Record<string, string>,
    notLiveVerified: Object.assign({}, ...metas.map((meta) => meta.notLiveVerified)) as Record<string, string>,
    ...(metas.some((meta) => meta.modelDigests) ? { modelDigests: Object.assign({}, ...metas.map((meta) => meta.modelDigests ?? {})) as Record<string, string> } : {}),
    complete: metas.every((meta) => meta.complete) && missingShards(runs).length === 0,
    ...(repeats.size === 1 && !repeats.has(1) ? { repeat: [...repeats][0] } : {}),
    // An entry is unchecked by the merged run only when no merged run checked it.
    ...(firstBaseline
      ? {
          baseline: {
            file: firstBaseline.file,
            entries: Math.max(...baselines.map((entry) => entry.entries)),
            unchecked: firstBaseline.unchecked.filter((id) => baselines.every((entry) => entry.unchecked.includes(id))),
          },
        }
      : {}),
    ...(metas.some((meta) => meta.flakyFails) ? { flakyFails: true } : {}),
    capabilities: Object.assign({}, ...metas.map((meta) => meta.capabilities ?? {})) as Record<string, string>,
    mergedFrom: runs.map((run) => ({ runId: run.document.run.runId, dir: run.dir, ...(run.document.run.shard ? { shard: run.document.run.shard } : {}) })),
  };
}

/** The cells of every run; a cell in two runs is an error (merge shards of one run, or runs of different targets). */
export function mergedCells(runs: readonly StoredRun[]): CellResult[] {
  const owner = new Map<string, string>();
  const cells: CellResult[] = [];
  for (const run of runs) {
    for (const cell of run.document.cells) {
      const id = cellId(cell);
      const other = owner.get(id);
      if (other !== undefined) {
        throw new UsageError(`merge: cell ${id} is in both ${other} and ${run.dir}: merge disjoint runs (the shards of one split, or runs of different providers)`);
      }
      owner.set(id, run.dir);
      cells.push(cell);
    }
  }
  return cells;
}

/** `merge <dirs…> --out DIR`: one run folder with every report (results.json, results.jsonl, junit.xml, matrix.*). */
export async function runMerge(args: { runs: string[]; out: string; suiteOrder?: SuiteOrder }, argv: string[], write: Write, log: Write): Promise<number> {
  if (args.runs.length === 0) throw new UsageError('merge needs run folders: llm-verify merge reports/<run-a> reports/<run-b> --out merged');
  const out = resolve(args.out);
  const stored = args.runs.map((path) => readStoredRun(path, 'merge'));
  const dirs = new Set<string>();
  for (const run of stored) {
    if (dirs.has(run.dir)) throw new UsageError(`merge: ${run.dir} is given twice`);
    if (run.dir === out) throw new UsageError(`merge: --out ${args.out} is one of the runs being merged; write the merged run to a new folder`);
    dirs.add(run.dir);
  }
  if (existsSync(out) && readdirSync(out).length > 0) throw new UsageError(`merge: --out ${args.out} exists and is not empty; give a new folder (or remove it)`);
  const cells = mergedCells(stored);
  const run = mergedMetadata(stored, argv, `merged-${newRunId()}`);
  for (const shard of missingShards(stored)) log(`merge: shard ${shard} is missing: the merged run is marked incomplete`);
  mkdirSync(out, { recursive: true });
  const paths = writeReports(out, run, cells, new Map(Object.entries(run.capabilities ?? {})), { latest: false, suiteOrder: args.suiteOrder });
  writeFileSync(paths.journal, cells.map((cell) => `${JSON.stringify(cell)}\n`).join(''));
  write(`merged ${stored.length} run(s), ${cells.length} cells into ${out}`);
  printSummary(cells, paths, write);
  const totals = baselineTotals(cells);
  if (run.baseline) write(`baseline ${run.baseline.file}: ${totals.known} known failure(s), ${totals.new} new failure(s), ${totals.stale} stale entr${totals.stale === 1 ? 'y' : 'ies'}`);
  return 0;
}
