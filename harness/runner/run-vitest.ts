import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import type { Cell, Secrets } from '../matrix/cell.ts';
import type { Journal } from '../reporters/journal.ts';
import type { TranscriptMode } from '../reporters/transcript-file.ts';
import { createJournalReporter, type CellListener } from './journal-reporter.ts';

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
  /** The run's report folder, where workers write transcripts. */
  runDir: string;
  transcripts: TranscriptMode;
  /** Every secret value of the run, for redaction in the worker (its own channel, like secrets). */
  redactValues: string[];
  budgetUsd?: number;
  /** Abort the whole run (SIGINT). */
  signal?: AbortSignal;
}

/**
 * A worker thread when every cell talks to an endpoint over the network: no second process (about
 * 100 MiB less at peak, and no process start). Embedded cells load node-llama-cpp's native addon,
 * which gets a process of its own (forks).
 */
export function poolFor(cells: readonly Pick<Cell, 'protocol'>[]): 'threads' | 'forks' {
  return cells.some((cell) => cell.protocol === 'embedded') ? 'forks' : 'threads';
}

/**
 * Runs every runnable cell through the generic suite entry in one vitest worker (see poolFor), sequentially,
 * so one embedded model instance is reused and local servers see one request at a time.
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
      provide: {
        cells: runnable,
        runId: options.runId,
        secrets: options.secrets,
        suitesModule: options.suitesModule,
        runDir: options.runDir,
        transcripts: options.transcripts,
        redactValues: options.redactValues,
        budgetUsd: options.budgetUsd,
      },
      reporters: [createJournalReporter({ journal: options.journal, runId: options.runId, cells: cellsById, onCell: options.onCell })],
      pool: poolFor(runnable),
      maxWorkers: 1,
      isolate: false,
      fileParallelism: false,
      sequence: { shuffle: false, concurrent: false },
      passWithNoTests: true,
      silent: 'passed-only',
    },
    {},
  );
  options.signal?.addEventListener('abort', () => void vitest.cancelCurrentRun('keyboard-input'), { once: true });
  await vitest.close();
}
