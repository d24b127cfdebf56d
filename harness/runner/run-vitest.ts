import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startVitest, type Vitest } from 'vitest/node';
import type { McpSource } from '../mcp/mcp-source.ts';
import type { Cell, Secrets } from '../matrix/cell.ts';
import type { TelemetrySettings } from '../telemetry/settings.ts';
import type { Journal } from '../reporters/journal.ts';
import type { TranscriptMode } from '../reporters/transcript-file.ts';
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
  /** The run's report folder, where workers write transcripts. */
  runDir: string;
  transcripts: TranscriptMode;
  /** Every secret value of the run, for redaction in the worker (its own channel, like secrets). */
  redactValues: string[];
  budgetUsd?: number;
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
      provide: {
        cells: runnable,
        runId: options.runId,
        secrets: options.secrets,
        suitesModule: options.suitesModule,
        runDir: options.runDir,
        transcripts: options.transcripts,
        redactValues: options.redactValues,
        budgetUsd: options.budgetUsd,
        mcpServers: options.mcpServers ?? [],
        telemetry: options.telemetry ?? { content: false },
      },
      reporters: ui ? [journalReporter, uiReporter(ui)] : [journalReporter],
      pool: poolFor(runnable),
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
