import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import type { Cell, Secrets } from '../matrix/cell.ts';
import type { Journal } from '../reporters/journal.ts';
import { createJournalReporter, type CellListener } from './journal-reporter.ts';
import type { RunSchedule } from './provided-context.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The one generic vitest entry; it loads the suites module it is given. */
const ENTRY = 'harness/runner/suites.verify.ts';

export interface VitestRunOptions {
  runId: string;
  cells: Cell[];
  /** Credentials by reference (RunPlan.secrets), provided to the worker apart from the cells. */
  secrets: Secrets;
  /** File path of the module exporting `SUITES` (harness/cli.ts wires suites/index.ts). */
  suitesModule: string;
  journal: Journal;
  onCell: CellListener;
  /** Cells in flight at once, and the circuit breaker's threshold. */
  schedule: RunSchedule;
  /** Abort the whole run (SIGINT). */
  signal?: AbortSignal;
}

/**
 * Runs every runnable cell through the generic suite entry in one vitest process-pool worker (one
 * embedded model instance is reused). Every test is concurrent for vitest; the worker's scheduler
 * (CellScheduler) runs targets in parallel, each target's cells in order, and never more requests
 * at a server than it has slots. Network-bound cells overlap in one process: no worker per target.
 */
export async function runCellsWithVitest(options: VitestRunOptions): Promise<void> {
  const runnable = options.cells.filter((cell) => cell.gate.action === 'run');
  if (runnable.length === 0) return;
  const cellsById = new Map(runnable.map((cell) => [cell.id, cell]));
  const vitest = await startVitest(
    'test',
    [],
    {
      root: ROOT,
      config: false,
      watch: false,
      include: [ENTRY],
      provide: { cells: runnable, runId: options.runId, secrets: options.secrets, suitesModule: options.suitesModule, schedule: options.schedule },
      reporters: [createJournalReporter({ journal: options.journal, runId: options.runId, cells: cellsById, onCell: options.onCell })],
      pool: 'forks',
      maxWorkers: 1,
      isolate: false,
      fileParallelism: false,
      sequence: { shuffle: false, concurrent: true },
      // The scheduler limits what really runs; vitest must not hold a cell back behind its turn.
      maxConcurrency: Math.max(5, runnable.length),
      passWithNoTests: true,
      silent: 'passed-only',
    },
    {},
  );
  options.signal?.addEventListener('abort', () => void vitest.cancelCurrentRun('keyboard-input'), { once: true });
  await vitest.close();
}
