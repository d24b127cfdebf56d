import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../matrix/usage-error.ts';
import { printSummary } from '../reporters/console.ts';
import { readJournal } from '../reporters/journal.ts';
import { reportPaths, writeReports } from '../reporters/write-reports.ts';
import { buildRunMetadata } from '../reporters/run-metadata.ts';
import type { Wiring } from './wiring.ts';

/** `matrix`: rebuilds every report of a run from its journal (e.g. after an interrupted run). */
export async function runMatrix(args: { run: string; reportDir: string }, wiring: Pick<Wiring, 'providers' | 'suites'>): Promise<number> {
  const runDir = resolve(args.reportDir, args.run);
  const paths = reportPaths(runDir);
  if (!existsSync(paths.journal)) {
    throw new UsageError(`no journal at ${paths.journal}: pass --run <run-id> of a folder under ${args.reportDir}, or "latest"`);
  }
  const results = readJournal(paths.journal);
  const runId = results[0]?.runId ?? args.run;
  writeReports(
    runDir,
    buildRunMetadata({
      runId,
      startedAt: results[0]?.startedAt ?? new Date().toISOString(),
      argv: [],
      filters: {},
      endpointVersions: {},
      providers: wiring.providers,
      complete: false,
    }),
    results,
    new Map(),
    { suiteOrder: wiring.suites.suites },
  );
  printSummary(results, paths, (line) => process.stdout.write(`${line}\n`));
  return 0;
}
