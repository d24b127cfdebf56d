import type { CellResult, Verdict } from '../verdicts/verdict.ts';
import type { ErrorKind, FailureLayer } from '../contract/verify-error.ts';
import { cellExtras, type RepeatExtras } from './cell-extras.ts';
import { countVerdicts, type VerdictCounts } from './summary.ts';

export interface MatrixEntry {
  verdict: Verdict;
  layer?: FailureLayer;
  kind?: ErrorKind;
  message?: string;
  durationMs: number;
  startedAt?: string;
  /** Requests the harness made for the cell (retries included), when recorded. */
  attempts?: number;
  /** With --repeat N: passes of runs (a flaky cell passed some, not all), and the statistics recorded. */
  repeat?: RepeatExtras;
  /** A known failure listed in the baseline. */
  baselined?: { reason?: string };
  /** With --baseline: a failure the baseline does not expect (`expected`: what it expected instead). */
  newFailure?: { expected?: string };
  /** A baselined cell that passes now. */
  stale?: boolean;
  /** Numeric timings the test recorded (ttftMs, …). */
  timings?: Record<string, number>;
  /** The cell's transcript, relative to the run folder, when one was written. */
  transcript?: string;
  /** Agent-loop tests: why the loop ended (completed, max_cycles, timeout, error), from the cell's details. */
  termination?: string;
}

/** One suite's columns, in the suite's own test order. */
export interface SuiteColumns {
  suite: string;
  tests: string[];
}

export interface MatrixRow {
  provider: string;
  model: string;
  protocol: string;
  /** Absent when live-verified; else why this row was not run against a real endpoint here. */
  notLiveVerified?: string;
  /** A gateway's row: what it verifies ("gemini protocol as served by LiteLLM 1.108.7 → llama-server (…)"). */
  servedAs?: string;
  /** Verdict counts per suite id. */
  summary: Record<string, VerdictCounts>;
  entries: Record<string, MatrixEntry>;
}

/** A provider none of whose cells ran (every one skipped), with what it needs. */
export interface UnconfiguredProvider {
  provider: string;
  /** The distinct reasons its cells were skipped ("no credentials: set OPENAI_API_KEY"). */
  needs: string[];
  models: string[];
  protocols: string[];
  cells: number;
}

export interface CompatibilityMatrix {
  schemaVersion: 2;
  runId: string;
  /** Column groups, in suite order. */
  suites: SuiteColumns[];
  /** Column ids, "suite.test", in suite order (the suites' tests flattened). */
  columns: string[];
  /** Targets that ran at least one cell (or got a verdict other than skipped). */
  rows: MatrixRow[];
  /** Providers whose every cell was skipped, collapsed to one entry each. */
  unconfigured: UnconfiguredProvider[];
  totals: VerdictCounts & { cells: number; baselined: number; newFailures: number; stale: number };
}

/** The suites and their tests in report order (the wired suite catalog). */
export type SuiteOrder = ReadonlyArray<{ id: string; tests: ReadonlyArray<{ id: string }> }>;

export interface MatrixOptions {
  suiteOrder?: SuiteOrder;
  /** The transcript file of a cell, relative to the run folder, when one exists. */
  transcriptFor?: (result: CellResult) => string | undefined;
  /** Gateway providers → what serves their protocols (RunMetadata.gateways). */
  gateways?: Readonly<Record<string, string>>;
}

function orderedSuites(results: readonly CellResult[], order: SuiteOrder): SuiteColumns[] {
  const seen = new Map<string, Set<string>>();
  for (const result of results) {
    let tests = seen.get(result.suite);
    if (!tests) seen.set(result.suite, (tests = new Set()));
    tests.add(result.test);
  }
  const known = new Map(order.map((suite, index) => [suite.id, index]));
  const suites = [...seen.keys()].sort((a, b) => (known.get(a) ?? Infinity) - (known.get(b) ?? Infinity));
  return suites.map((suite) => {
    const present = seen.get(suite) ?? new Set<string>();
    const declared = order.find((entry) => entry.id === suite)?.tests.map((test) => test.id) ?? [];
    const tests = [...declared.filter((test) => present.has(test)), ...[...present].filter((test) => !declared.includes(test))];
    return { suite, tests };
  });
}

function entryOf(result: CellResult, options: MatrixOptions): MatrixEntry {
  const extras = cellExtras(result);
  const entry: MatrixEntry = { verdict: result.verdict, durationMs: result.durationMs };
  if (result.layer) entry.layer = result.layer;
  if (result.kind) entry.kind = result.kind;
  if (result.message) entry.message = result.message;
  if (result.startedAt) entry.startedAt = result.startedAt;
  if (extras.attempts !== undefined) entry.attempts = extras.attempts;
  if (extras.repeat) entry.repeat = extras.repeat;
  if (extras.baselined) entry.baselined = extras.baselined;
  if (extras.newFailure) entry.newFailure = extras.newFailure;
  if (extras.stale) entry.stale = true;
  if (Object.keys(extras.timings).length > 0) entry.timings = extras.timings;
  const termination = result.details?.termination;
  if (typeof termination === 'string') entry.termination = termination;
  const transcript = options.transcriptFor?.(result);
  if (transcript) entry.transcript = transcript;
  return entry;
}

/**
 * Rows = provider/model/protocol, columns = suite.test grouped by suite in suite order. Targets that
 * ran come first as rows; providers whose every cell was skipped collapse into `unconfigured`.
 * A later result for the same cell replaces an earlier one (a resumed or merged journal).
 */
export function buildMatrix(
  runId: string,
  results: readonly CellResult[],
  notLiveVerified: Readonly<Record<string, string>>,
  options: MatrixOptions = {},
): CompatibilityMatrix {
  const latest = new Map<string, CellResult>();
  for (const result of results) latest.set(`${result.provider}/${result.model}/${result.protocol}\u0000${result.suite}.${result.test}`, result);
  const cells = [...latest.values()];
  const suites = orderedSuites(cells, options.suiteOrder ?? []);
  const columns = suites.flatMap((suite) => suite.tests.map((test) => `${suite.suite}.${test}`));

  const byTarget = Map.groupBy(cells, (result) => `${result.provider}/${result.model}/${result.protocol}`);
  const rows: MatrixRow[] = [];
  const unconfigured = new Map<string, UnconfiguredProvider>();
  for (const group of byTarget.values()) {
    const first = group[0];
    if (!first) continue;
    if (group.every((result) => result.verdict === 'skipped')) {
      let entry = unconfigured.get(first.provider);
      if (!entry) unconfigured.set(first.provider, (entry = { provider: first.provider, needs: [], models: [], protocols: [], cells: 0 }));
      for (const result of group) if (result.message && !entry.needs.includes(result.message)) entry.needs.push(result.message);
      if (!entry.models.includes(first.model)) entry.models.push(first.model);
      if (!entry.protocols.includes(first.protocol)) entry.protocols.push(first.protocol);
      entry.cells += group.length;
      continue;
    }
    const row: MatrixRow = { provider: first.provider, model: first.model, protocol: first.protocol, summary: {}, entries: {} };
    const why = notLiveVerified[first.provider];
    if (why) row.notLiveVerified = why;
    const gateway = options.gateways?.[first.provider];
    if (gateway) row.servedAs = `${first.protocol} protocol as served by ${gateway}`;
    for (const suite of suites) {
      const inSuite = group.filter((result) => result.suite === suite.suite);
      if (inSuite.length > 0) row.summary[suite.suite] = countVerdicts(inSuite);
    }
    for (const result of group) row.entries[`${result.suite}.${result.test}`] = entryOf(result, options);
    rows.push(row);
  }
  const entries = rows.flatMap((row) => Object.values(row.entries));
  return {
    schemaVersion: 2,
    runId,
    suites,
    columns,
    rows,
    unconfigured: [...unconfigured.values()],
    totals: {
      cells: cells.length,
      ...countVerdicts(cells),
      baselined: entries.filter((entry) => entry.baselined).length,
      newFailures: entries.filter((entry) => entry.newFailure).length,
      stale: entries.filter((entry) => entry.stale).length,
    },
  };
}
