import type { McpSource } from '../mcp/mcp-source.ts';
import type { Cell, Secrets } from '../matrix/cell.ts';
import type { TelemetrySettings } from '../telemetry/settings.ts';
import type { CellResult } from '../verdicts/verdict.ts';
import type { TranscriptMode } from '../reporters/transcript-file.ts';

/** What the runner hands to vitest workers (provide/inject) and gets back (task meta). */
declare module 'vitest' {
  export interface ProvidedContext {
    cells: Cell[];
    runId: string;
    /** Credentials by the reference a cell's client settings carry: their own channel, never process.env. */
    secrets: Secrets;
    /** File path of the suites module (its `SUITES` export) the CLI wired in. */
    suitesModule: string;
    /** The run's report folder (transcripts are written under it by the worker). */
    runDir: string;
    /** Which cells get a transcript file. */
    transcripts: TranscriptMode;
    /** Every secret value of the run (credentials, URL userinfo and keys): removed from transcripts in every encoding. */
    redactValues: string[];
    /** `--budget <USD>`: no cell starts once spent + in flight + its estimate would exceed it. */
    budgetUsd?: number;
    /** `--mcp` servers for the MCP tests (empty: their own). */
    mcpServers: McpSource[];
    /** Tracing: where spans go (none: not traced), content or not, the run span's traceparent. */
    telemetry: TelemetrySettings;
  }
  interface TaskMeta {
    cell?: CellResult;
  }
}

export {};
