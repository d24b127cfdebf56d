import { join, resolve } from 'node:path';
import { loadEnvironment } from '../config/env.ts';
import { createRedactor } from '../config/redactor.ts';
import { estimateCells, estimateLine } from '../cost/estimate.ts';
import { readPriceOverrides } from '../cost/price-file.ts';
import { runSecretValues } from '../config/secret-values.ts';
import { failOnLayers, filtersFromArgs, newRunId, parseShard, repeatCount, type FilterArgs } from '../config/run-args.ts';
import { launchLocalEndpoints, type LaunchedEndpoint } from '../endpoints/local-launch.ts';
import { containerRuntimeFor } from '../endpoints/container-option.ts';
import { resolveEmbeddedModel } from '../endpoints/embedded-model.ts';
import { modelFileDigest } from '../endpoints/model-digest.ts';
import { matchesName, selected, splitList, type CellFilters } from '../matrix/filters.ts';
import type { Capability } from '../contract/capability.ts';
import type { SuiteDefinition } from '../suite/define.ts';
import { checkFilterNames, planRun } from '../matrix/plan-run.ts';
import { shardCells } from '../matrix/shard.ts';
import { printDecidedCells, printSummary } from '../reporters/console.ts';
import { createProgress, liveLine } from '../reporters/progress.ts';
import { driftRows, printDrift } from '../reporters/drift-report.ts';
import { Journal, readJournal, repairJournal } from '../reporters/journal.ts';
import { buildRunMetadata } from '../reporters/run-metadata.ts';
import type { TranscriptMode } from '../reporters/transcript-file.ts';
import { pointLatestAt, reportPaths, writeReports } from '../reporters/write-reports.ts';
import { decidedResult } from '../runner/run-cell.ts';
import { runCellsWithVitest, type VitestRunHandle } from '../runner/run-vitest.ts';
import { isFailing } from '../verdicts/verdict.ts';
import { parseMcpSource } from '../mcp/mcp-source.ts';
import { startRunSpan } from '../telemetry/run-span.ts';
import { telemetryFromArgs } from '../telemetry/settings.ts';
import { startTelemetry } from '../telemetry/tracer.ts';
import { describeCapabilities, discoverModels } from './shared-setup.ts';
import { loadBaselineOption, printBaseline, runFails, settleBaseline } from './verify-baseline.ts';
import type { Wiring } from './wiring.ts';
import { applyClientSettings, checkScheduleFlags, concurrencyFor, DEFAULT_CIRCUIT_BREAKER, parseRateLimits } from '../config/schedule-args.ts';
import { cellId } from '../matrix/cell.ts';
import { readRunManifest, resolveRunDir, writeRunManifest } from './resume-run.ts';
import { UsageError } from '../matrix/usage-error.ts';

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
  /** Targets (cells) in flight at once; default: distinct endpoints, at most 8. */
  concurrency?: number;
  /** Consecutive transport/timeout failures that open a target's circuit (0 = never). */
  circuitBreaker?: number;
  /** Harness retries of transient failures per request. */
  retries?: number;
  /** Time to response headers per attempt (ms), past which it is retried. */
  attemptTimeout?: number;
  /** `<provider>:<n>rpm[:<n>tpm]`, repeatable. */
  rateLimit?: string[];
  /** A line for every cell, not only failing or retried ones. */
  verbose?: boolean;
  /** Continue this run (id or "latest") in its own folder: its finished cells are kept. */
  resume?: string;
  /** Which cells get a redacted transcript file (default: failing and erroring ones). */
  transcripts?: TranscriptMode;
  /** `--budget <USD>`: stop starting cells once spent + in flight would exceed it. */
  budget?: number;
  /** `--prices <file.json>`: prices overriding the declared ones. */
  prices?: string;
  /** Independent runs per cell (flaky verdicts). */
  repeat?: number;
  /** "i/n": the part of the cells to run. */
  shard?: string;
  /** Expected-failures file. */
  baseline?: string;
  updateBaseline?: boolean;
  /** `--mcp`: MCP servers (commands or URLs) for the MCP tests. */
  mcp?: string[];
  /** `--otlp`: OTLP/HTTP receiver for the run's spans. */
  otlp?: string;
  otelContent?: boolean;
  /** Serve the run in @vitest/ui (printing its URL) and keep serving until Ctrl-C. */
  ui?: boolean;
  uiPort?: number;
}

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
  // Every line this command prints or writes goes through the run's redactor; launched servers' keys join it once known.
  let redactor = createRedactor(runSecretValues({ providers, env, urls: [args.baseUrl] }));
  const log = (line: string) => process.stderr.write(`${redactor.text(line)}\n`);
  const filters = filtersFromArgs(args);
  const failOn = failOnLayers(args.failOn);
  checkScheduleFlags(args);
  const rateLimits = parseRateLimits(args.rateLimit);
  for (const id of Object.keys(rateLimits)) {
    if (!providers.some((provider) => provider.id === id)) throw new UsageError(`--rate-limit ${id}: no such provider; providers: ${providers.map((provider) => provider.id).join(', ')}`);
  }
  const prices = args.prices ? readPriceOverrides(args.prices) : undefined;
  const repeat = repeatCount(args.repeat);
  const shard = parseShard(args.shard);
  const baseline = loadBaselineOption(args.baseline, args.updateBaseline);
  const mcpServers = (args.mcp ?? []).map(parseMcpSource);
  const telemetrySettings = telemetryFromArgs(args, env);
  const resumed = args.resume === undefined ? undefined : readRunManifest(resolveRunDir(args.reportDir, args.resume));
  const runId = resumed?.runId ?? newRunId();
  const runDir = resolve(args.reportDir, runId);
  const startedAt = resumed?.startedAt ?? new Date().toISOString();

  // Before any server starts: a misspelt --test must not cost a llama-server launch.
  checkFilterNames({ filters, providers, suites: suites.suites });
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
    const planned = await planRun({
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
      prices,
    });
    const plan = { ...planned, cells: applyClientSettings(planned.cells, args, rateLimits) };
    const redactValues = runSecretValues({ providers, env, keys: plan.secrets, urls: [args.baseUrl] });
    redactor = createRedactor(redactValues);
    if (plan.cells.length === 0) {
      log('no cells match these filters; `verify list` shows what exists');
      return 2;
    }
    const cells = (shard ? shardCells(plan.cells, shard) : plan.cells).map((cell) => (repeat > 1 ? { ...cell, repeat } : cell));
    if (shard) log(`shard ${shard.index}/${shard.count}: ${cells.length} of ${plan.cells.length} cells`);

    const paths = reportPaths(runDir);
    if (resumed) repairJournal(paths.journal);
    const journal = new Journal(paths.journal, redactor.text);
    if (!resumed) writeRunManifest(runDir, { runId, startedAt, argv: argv.map(redactor.text) });
    pointLatestAt(runDir);
    // A resumed run keeps its finished cells and runs the rest.
    const finished = new Set(resumed ? readJournal(paths.journal).map((result) => cellId(result)) : []);
    if (resumed) log(`resuming ${runId}: ${finished.size} of ${cells.length} cells already finished`);
    const pending = cells.filter((cell) => !finished.has(cell.id));
    const decided = pending.filter((cell) => cell.gate.action !== 'run');
    for (const cell of decided) {
      const gate = cell.gate;
      if (gate.action === 'fail' || gate.action === 'error') journal.append(decidedResult(cell, runId, gate.action, gate.reason, { layer: gate.layer, kind: gate.kind }));
      else if (gate.action !== 'run') journal.append(decidedResult(cell, runId, gate.action, gate.reason));
    }
    printDecidedCells(decided, log);
    const concurrency = concurrencyFor(args.concurrency, pending);
    const runnable = pending.length - decided.length;
    if (runnable > 0) log(`running ${runnable} cells, ${concurrency} at a time (targets in parallel; --concurrency to change)`);
    log(estimateLine(estimateCells(pending), args.budget));
    const progress = createProgress({ total: runnable, write: log, verbose: args.verbose === true, live: liveLine(process.stderr) });
    const out = (line: string) => process.stdout.write(`${redactor.text(line)}\n`);
    // The vitest UI's URL carries the UI's own session token (not a provider credential): the user
    // needs it verbatim to open the page, so it is the one line the URL redaction must not touch.
    const uiLine = (before: string, url: string, after = '') => process.stdout.write(`${redactor.text(before)}${url}${redactor.text(after)}\n`);
    const telemetry = startTelemetry(telemetrySettings);
    const runSpan = startRunSpan(telemetry, { runId });
    if (telemetrySettings.otlpTracesUrl) log(`tracing: OpenTelemetry GenAI spans to ${telemetrySettings.otlpTracesUrl}${telemetrySettings.content ? ' (with message content)' : ''}`);
    let runFailing = 0;
    try {
      vitestRun = await runCellsWithVitest({
        runId,
        cells: pending,
        secrets: plan.secrets,
        suitesModule: suites.modulePath,
        journal,
        onCell: progress.onCell,
        schedule: { concurrency, circuitBreaker: args.circuitBreaker ?? DEFAULT_CIRCUIT_BREAKER },
        mcpServers,
        runDir,
        transcripts: args.transcripts ?? 'failing',
        redactValues,
        budgetUsd: args.budget,
        telemetry: { ...telemetrySettings, ...(runSpan.traceparent ? { traceparent: runSpan.traceparent } : {}) },
        ui: args.ui ? { port: args.uiPort ?? DEFAULT_UI_PORT, host: '127.0.0.1', onUrl: (url) => uiLine('llm-verify: vitest UI at ', url) } : undefined,
      });
      progress.finish();
      runFailing = readJournal(paths.journal).filter((result) => isFailing(result.verdict)).length;
    } finally {
      runSpan.end({ cells: cells.length, failing: runFailing, exitCode: runFailing > 0 ? 1 : 0 });
      await telemetry.shutdown().catch((error: unknown) => log(`tracing: could not export the run span: ${error instanceof Error ? error.message : String(error)}`));
    }

    const journaled = readJournal(paths.journal);
    const settled = baseline ? settleBaseline(journaled, baseline) : undefined;
    const results = settled?.cells ?? journaled;
    const endpointVersions: Record<string, string> = {};
    for (const entry of launched) if (entry.version) endpointVersions[entry.providerId] = entry.version;
    for (const result of results) {
      const version = result.details?.serverVersion;
      if (typeof version === 'string') endpointVersions[result.provider] ??= version;
    }
    const gateways: Record<string, string> = {};
    for (const provider of providers) {
      if (!provider.gateway || !results.some((result) => result.provider === provider.id)) continue;
      const started = launched.find((entry) => entry.providerId === provider.id);
      const software = endpointVersions[provider.id] ?? provider.gateway;
      gateways[provider.id] = started?.upstream ? `${software} → ${started.upstream}` : `${software} → its configured upstream`;
    }
    const modelDigests = await recordModelDigests(launched, embeddedModel, plan.models.get('embedded'));
    const capabilities = new Map(
      [...plan.models].flatMap(([providerId, models]) => models.map((model) => [`${providerId}/${model.id}`, describeCapabilities(model.capabilities)] as const)),
    );
    const run = buildRunMetadata({
      runId,
      startedAt,
      finishedAt: new Date().toISOString(),
      argv: argv.map(redactor.text),
      filters: { ...filters },
      endpointVersions,
      gateways,
      ...(Object.keys(modelDigests).length > 0 ? { modelDigests } : {}),
      providers,
      complete: cells.every((cell) => results.some((result) => cellId(result) === cell.id)),
      ...(repeat > 1 ? { repeat } : {}),
      ...(shard ? { shard } : {}),
      ...(baseline && settled ? { baseline: { file: args.baseline ?? baseline.path, entries: settled.entries, unchecked: settled.unchecked } } : {}),
      ...(failOn.flaky ? { flakyFails: true } : {}),
      capabilities: Object.fromEntries(capabilities),
    });
    writeReports(runDir, run, results, capabilities, { suiteOrder: suites.suites });
    const drift = driftRows(results);
    printDrift(drift, out);
    printSummary(results, paths, out);
    if (baseline && settled) printBaseline(settled, args.baseline ?? baseline.path, out);
    const { failing, reasons } = runFails(results, failOn, drift.length);
    for (const reason of reasons) out(`llm-verify: ${reason}`);
    const code = failing.length > 0 || reasons.length > 0 ? 1 : 0;
    if (args.ui && !vitestRun.uiUrl) log('--ui: no cell ran through vitest (every cell was decided before running), so there is no UI to serve');
    if (vitestRun.uiUrl) {
      uiLine(`llm-verify: the run is done (exit code ${code}); vitest UI still at `, vitestRun.uiUrl, ' — press Ctrl-C to stop');
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

/** Digests of the model files this run loaded: the --local servers' and the embedded runtime's. */
async function recordModelDigests(
  launched: readonly LaunchedEndpoint[],
  embedded: { path: string } | { error: string } | undefined,
  embeddedModels: ReadonlyArray<{ id: string }> | undefined,
): Promise<Record<string, string>> {
  const files: Array<[string, string]> = launched.map((entry) => [`${entry.providerId}/${entry.model.id}`, entry.model.path]);
  const embeddedId = embeddedModels?.length === 1 ? embeddedModels[0]?.id : undefined;
  if (embedded && 'path' in embedded && embeddedId) files.push([`embedded/${embeddedId}`, embedded.path]);
  const digests: Record<string, string> = {};
  for (const [key, path] of files) {
    try {
      digests[key] = await modelFileDigest(path);
    } catch {
      // An unreadable file has no digest: nothing is recorded rather than a guess.
    }
  }
  return digests;
}
