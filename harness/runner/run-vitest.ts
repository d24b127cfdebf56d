import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import type { McpSource } from '../mcp/mcp-source.ts';
import type { Cell, Secrets } from '../matrix/cell.ts';
import type { TelemetrySettings } from '../telemetry/settings.ts';
import type { Journal } from '../reporters/journal.ts';
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
  mcpServers?: McpSource[];
  telemetry?: TelemetrySettings;
  /** Abort the whole run (SIGINT). */
  signal?: AbortSignal;
}

/**
 * Runs every runnable cell through the generic suite entry in one vitest process-pool worker, sequentially,
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
      provide: { cells: runnable, runId: options.runId, secrets: options.secrets, suitesModule: options.suitesModule, mcpServers: options.mcpServers ?? [], telemetry: options.telemetry ?? { content: false } },
      reporters: [createJournalReporter({ journal: options.journal, runId: options.runId, cells: cellsById, onCell: options.onCell })],
      pool: 'forks',
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
