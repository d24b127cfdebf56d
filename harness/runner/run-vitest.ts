import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startVitest, type Vitest } from 'vitest/node';
import type { McpSource } from '../mcp/mcp-source.ts';
import type { Cell, Secrets } from '../matrix/cell.ts';
import type { TelemetrySettings } from '../telemetry/settings.ts';
import type { Journal } from '../reporters/journal.ts';
import { createJournalReporter, type CellListener } from './journal-reporter.ts';
import { uiReporter, uiUrl, type UiOptions } from './vitest-ui.ts';

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
  /** `verify --ui`: serve the run in @vitest/ui and keep serving after it until close(). */
  ui?: UiOptions;
}

/** A finished run; with --ui its vitest server still serves the UI until close(). */
export interface VitestRunHandle {
  uiUrl?: string;
  close(): Promise<void>;
}

/**
 * Runs every runnable cell through the generic suite entry in one vitest process-pool worker, sequentially,
 * so one embedded model instance is reused and local servers see one request at a time.
 */
export async function runCellsWithVitest(options: VitestRunOptions): Promise<VitestRunHandle> {
  const runnable = options.cells.filter((cell) => cell.gate.action === 'run');
  if (runnable.length === 0) return { close: async () => {} };
  const cellsById = new Map(runnable.map((cell) => [cell.id, cell]));
  const journalReporter = createJournalReporter({ journal: options.journal, runId: options.runId, cells: cellsById, onCell: options.onCell });
  const ui = options.ui;
  const vitest: Vitest = await startVitest(
    'test',
    [],
    {
      root: ROOT,
      config: false,
      // The UI needs the server kept after the run: vitest keeps it only in watch mode (file
      // watching itself is off below, so nothing reruns unless asked from the UI).
      watch: ui !== undefined,
      include: [ENTRY],
      provide: { cells: runnable, runId: options.runId, secrets: options.secrets, suitesModule: options.suitesModule, mcpServers: options.mcpServers ?? [], telemetry: options.telemetry ?? { content: false } },
      reporters: ui ? [journalReporter, uiReporter(ui)] : [journalReporter],
      pool: 'forks',
      maxWorkers: 1,
      isolate: false,
      fileParallelism: false,
      sequence: { shuffle: false, concurrent: false },
      passWithNoTests: true,
      silent: 'passed-only',
      ...(ui ? { ui: true, open: false, api: { port: ui.port, host: ui.host, strictPort: false } } : {}),
    },
    ui ? { server: { watch: null } } : {},
    // No keyboard shortcuts: Ctrl-C stays a signal the CLI handles.
    { stdin: Readable.from([]) as unknown as NodeJS.ReadStream },
  );
  options.signal?.addEventListener('abort', () => void vitest.cancelCurrentRun('keyboard-input'), { once: true });
  if (!ui) {
    await vitest.close();
    return { close: async () => {} };
  }
  return { uiUrl: uiUrl(vitest), close: () => vitest.close() };
}
