import { join, resolve } from 'node:path';
import { loadEnvironment } from '../config/env.ts';
import { failOnLayers, filtersFromArgs, newRunId, type FilterArgs } from '../config/run-args.ts';
import { launchLocalEndpoints, type LaunchedEndpoint } from '../endpoints/local-launch.ts';
import { containerRuntimeFor } from '../endpoints/container-option.ts';
import { resolveEmbeddedModel } from '../endpoints/embedded-model.ts';
import { matchesName, selected, splitList, type CellFilters } from '../matrix/filters.ts';
import type { Capability } from '../contract/capability.ts';
import type { SuiteDefinition } from '../suite/define.ts';
import { planRun } from '../matrix/plan-run.ts';
import { createProgressPrinter, printDecidedCells, printSummary } from '../reporters/console.ts';
import { driftRows, printDrift } from '../reporters/drift-report.ts';
import { Journal, readJournal } from '../reporters/journal.ts';
import { buildRunMetadata } from '../reporters/run-metadata.ts';
import { pointLatestAt, reportPaths, writeReports } from '../reporters/write-reports.ts';
import { decidedResult } from '../runner/run-cell.ts';
import { runCellsWithVitest, type VitestRunHandle } from '../runner/run-vitest.ts';
import { isFailing } from '../verdicts/verdict.ts';
import { parseMcpSource } from '../mcp/mcp-source.ts';
import { startRunSpan } from '../telemetry/run-span.ts';
import { telemetryFromArgs } from '../telemetry/settings.ts';
import { startTelemetry } from '../telemetry/tracer.ts';
import { describeCapabilities, discoverModels } from './shared-setup.ts';
import type { Wiring } from './wiring.ts';

export interface VerifyArgs extends FilterArgs {
  baseUrl?: string;
  local?: string[];
  /** Start the `--local` servers in containers (testcontainers) instead of as processes. */
  container?: boolean;
  reportDir: string;
  timeout: number;
  failOn?: string[];
  probe?: boolean;
  skipUnreachable?: boolean;
  /** `--mcp`: MCP servers (commands or URLs) for the MCP tests. */
  mcp?: string[];
  /** `--otlp`: OTLP/HTTP receiver for the run's spans. */
  otlp?: string;
  otelContent?: boolean;
  /** Serve the run in @vitest/ui (printing its URL) and keep serving until Ctrl-C. */
  ui?: boolean;
  uiPort?: number;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Whether the filters select a test that requires a capability (e.g. embeddings: start llama-server's embeddings server). */
export function selectsCapability(suites: readonly SuiteDefinition[], filters: CellFilters, capability: Capability): boolean {
  return suites.some(
    (suite) =>
      selected(suite.id, filters.suites) &&
      suite.tests.some((test) => test.requires.includes(capability) && (filters.tests.length === 0 || filters.tests.some((pattern) => matchesName(test.id, pattern) || matchesName(`${suite.id}.${test.id}`, pattern)))),
  );
}

/** Where `--ui` serves @vitest/ui unless --ui-port says otherwise (vitest's own default). */
export const DEFAULT_UI_PORT = 51204;

/**
 * Resolves on the first SIGINT or SIGTERM. The listeners stay: a launched server's clean-up
 * re-raises the signal, which must not kill the process before it exits with the run's code.
 */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

/** `verify`: plan the matrix, run it, write every report, return the exit code. */
export async function runVerify(args: VerifyArgs, argv: string[], wiring: Wiring): Promise<number> {
  const { providers, suites } = wiring;
  const env = loadEnvironment();
  const filters = filtersFromArgs(args);
  const failOn = failOnLayers(args.failOn);
  const mcpServers = (args.mcp ?? []).map(parseMcpSource);
  const telemetrySettings = telemetryFromArgs(args, env);
  const runId = newRunId();
  const runDir = resolve(args.reportDir, runId);
  const startedAt = new Date().toISOString();

  const wantsEmbedded = selected('embedded', filters.providers);
  let modelPromise: Promise<string> | undefined;
  const modelPath = () => (modelPromise ??= resolveEmbeddedModel(env, log).then((found) => found.path));

  let launched: LaunchedEndpoint[] = [];
  let vitestRun: VitestRunHandle | undefined;
  try {
    const localIds = splitList(args.local);
    const containers = await containerRuntimeFor(args.container === true, localIds, providers.filter((provider) => provider.local).map((provider) => provider.id), log);
    const embeddingsServer = selectsCapability(suites.suites, filters, 'embeddings');
    launched = await launchLocalEndpoints(containers.launch, providers, { modelPath, logDir: runDir, env, log, container: containers.client, embeddingsServer });
    let embeddedModel: { path: string } | { error: string } | undefined;
    if (wantsEmbedded) {
      embeddedModel = await modelPath().then((path) => ({ path }), (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
    }
    const plan = await planRun({
      providers,
      suites: suites.suites,
      filters,
      timeoutMs: args.timeout,
      env,
      baseUrlFlag: args.baseUrl,
      launched: Object.fromEntries(launched.map((entry) => [entry.providerId, { rootUrl: entry.rootUrl, embeddingsRootUrl: entry.embeddingsRootUrl, apiKey: entry.apiKey }])),
      unlaunchable: containers.unlaunchable,
      embeddedModel,
      discover: discoverModels,
      probe: args.probe,
      skipUnreachable: args.skipUnreachable,
    });
    if (plan.cells.length === 0) {
      log('no cells match these filters; `verify list` shows what exists');
      return 2;
    }

    const paths = reportPaths(runDir);
    const journal = new Journal(paths.journal);
    pointLatestAt(runDir);
    const decided = plan.cells.filter((cell) => cell.gate.action !== 'run');
    for (const cell of decided) {
      const gate = cell.gate;
      if (gate.action === 'fail' || gate.action === 'error') journal.append(decidedResult(cell, runId, gate.action, gate.reason, { layer: gate.layer, kind: gate.kind }));
      else if (gate.action !== 'run') journal.append(decidedResult(cell, runId, gate.action, gate.reason));
    }
    printDecidedCells(decided, log);
    const progress = createProgressPrinter(plan.cells.length - decided.length, log);
    const out = (line: string) => process.stdout.write(`${line}\n`);
    const telemetry = startTelemetry(telemetrySettings);
    const runSpan = startRunSpan(telemetry, { runId });
    if (telemetrySettings.otlpTracesUrl) log(`tracing: OpenTelemetry GenAI spans to ${telemetrySettings.otlpTracesUrl}${telemetrySettings.content ? ' (with message content)' : ''}`);
    let runFailing = 0;
    try {
      vitestRun = await runCellsWithVitest({
        runId,
        cells: plan.cells,
        secrets: plan.secrets,
        suitesModule: suites.modulePath,
        journal,
        onCell: progress,
        mcpServers,
        telemetry: { ...telemetrySettings, ...(runSpan.traceparent ? { traceparent: runSpan.traceparent } : {}) },
        ui: args.ui ? { port: args.uiPort ?? DEFAULT_UI_PORT, host: '127.0.0.1', onUrl: (url) => out(`llm-verify: vitest UI at ${url}`) } : undefined,
      });
      runFailing = readJournal(paths.journal).filter((result) => isFailing(result.verdict)).length;
    } finally {
      runSpan.end({ cells: plan.cells.length, failing: runFailing, exitCode: runFailing > 0 ? 1 : 0 });
      await telemetry.shutdown().catch((error: unknown) => log(`tracing: could not export the run span: ${error instanceof Error ? error.message : String(error)}`));
    }

    const results = readJournal(paths.journal);
    const endpointVersions: Record<string, string> = {};
    for (const entry of launched) if (entry.version) endpointVersions[entry.providerId] = entry.version;
    for (const result of results) {
      const version = result.details?.serverVersion;
      if (typeof version === 'string') endpointVersions[result.provider] ??= version;
    }
    const run = buildRunMetadata({
      runId,
      startedAt,
      finishedAt: new Date().toISOString(),
      argv,
      filters: { ...filters },
      endpointVersions,
      providers,
      complete: results.length === plan.cells.length,
    });
    const capabilities = new Map(
      [...plan.models].flatMap(([providerId, models]) => models.map((model) => [`${providerId}/${model.id}`, describeCapabilities(model.capabilities)] as const)),
    );
    writeReports(runDir, run, results, capabilities, { suiteOrder: suites.suites });
    const drift = driftRows(results);
    printDrift(drift, out);
    printSummary(results, paths, out);
    const failing = results.filter((result) => isFailing(result.verdict) && (result.verdict === 'error' || failOn.layers.has(result.layer ?? 'infra')));
    if (failOn.drift && drift.length > 0) out(`llm-verify: ${drift.length} cell(s) drift from their declared capabilities (--fail-on drift)`);
    const code = failing.length > 0 || (failOn.drift && drift.length > 0) ? 1 : 0;
    if (args.ui && !vitestRun.uiUrl) log('--ui: no cell ran through vitest (every cell was decided before running), so there is no UI to serve');
    if (vitestRun.uiUrl) {
      out(`llm-verify: the run is done (exit code ${code}); vitest UI still at ${vitestRun.uiUrl} — press Ctrl-C to stop`);
      // Vitest's own Ctrl-C handler exits at once, keeping an exit code already set: the run's.
      process.exitCode = code;
      await untilInterrupted();
    }
    return code;
  } finally {
    await vitestRun?.close();
    await Promise.allSettled(launched.map((entry) => entry.stop()));
  }
}
