import './provided-context.ts';
import { afterAll, describe, inject, test } from 'vitest';
import { targetKey, type Cell, type Secrets } from '../matrix/cell.ts';
import type { SuiteDefinition, Target } from '../suite/define.ts';
import { VerifyError } from '../contract/verify-error.ts';
import { createTarget } from './create-target.ts';
import { decidedResult, runCell } from './run-cell.ts';
import { driftOf } from '../verdicts/drift.ts';
import type { CellResult } from '../verdicts/verdict.ts';
import { withCellSpan } from '../telemetry/cell-span.ts';
import { tracingClient } from '../telemetry/genai-client.ts';
import { runContext } from '../telemetry/run-span.ts';
import { startTelemetry, type Telemetry } from '../telemetry/tracer.ts';

type Prepared =
  | { target: Target; close(): Promise<void> }
  | { unavailable: CellResult['verdict']; reason: string; layer?: VerifyError['layer']; kind?: VerifyError['kind'] };

/** Targets are shared by every suite in a worker, and checked for reachability once. */
const prepared = new Map<string, Promise<Prepared>>();

/** The worker's tracing (none unless the run exports spans). */
let telemetry: Telemetry = startTelemetry({ content: false });

async function prepare(cell: Cell, secrets: Secrets): Promise<Prepared> {
  try {
    const endpoint = { providerId: cell.target.providerId, baseUrl: cell.target.client.baseUrl };
    const handle = await createTarget(cell.target, { secrets, wrap: (client) => tracingClient(client, endpoint, telemetry) });
    try {
      await handle.target.health({ signal: AbortSignal.timeout(Math.min(cell.timeoutMs, 60_000)) });
    } catch (error) {
      if (error instanceof VerifyError && (error.kind === 'network' || error.kind === 'timeout')) {
        await handle.close();
        const reason = `unreachable: ${cell.target.rootUrl ?? cell.target.client.baseUrl ?? 'the endpoint'} (${error.message})`;
        // Configured endpoints (flag, env var, --local, credentials) that are down fail the run;
        // a default address nobody set up, or --skip-unreachable, is skipped with how to start it.
        return cell.target.onUnreachable === 'error'
          ? { unavailable: 'error', layer: 'infra', kind: error.kind, reason }
          : { unavailable: 'skipped', reason: `${reason} — ${cell.target.setupHint}` };
      }
      // A reachable endpoint that fails its health check is kept: health_check will report it.
    }
    return handle;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { unavailable: 'error', reason: `could not create a client: ${message}`, layer: 'infra' };
  }
}

function preparedFor(cell: Cell, secrets: Secrets): Promise<Prepared> {
  const key = targetKey(cell);
  let entry = prepared.get(key);
  if (!entry) {
    entry = prepare(cell, secrets);
    prepared.set(key, entry);
  }
  return entry;
}

/**
 * Registers one vitest test per runnable cell of the given suites (in suite order, grouped by
 * target). The test's verdict travels to the runner in task meta; a failing verdict also fails
 * the vitest test. Targets are closed after the last test.
 */
export function registerSuites(suites: readonly SuiteDefinition[]): void {
  const runId = inject('runId');
  const secrets = inject('secrets');
  const cells = inject('cells').filter((cell) => cell.gate.action === 'run');
  const settings = inject('telemetry') ?? { content: false };
  telemetry = startTelemetry(settings);
  const parent = runContext(settings.traceparent);
  const mcpServers = inject('mcpServers') ?? [];
  afterAll(async () => {
    for (const entry of prepared.values()) {
      const value = await entry;
      if ('target' in value) await value.close();
    }
    prepared.clear();
    await telemetry.shutdown();
  });
  const run = (cell: Cell, definition: SuiteDefinition['tests'][number], target: Target) =>
    withCellSpan(telemetry, parent, { id: cell.id, suite: cell.suite, test: cell.test, provider: cell.provider, model: cell.model, protocol: cell.protocol }, () =>
      runCell(cell, runId, definition, target, { mcpServers }),
    );
  for (const suite of suites) registerSuite(suite, runId, secrets, cells.filter((cell) => cell.suite === suite.id), run);
}

type CellRunner = (cell: Cell, definition: SuiteDefinition['tests'][number], target: Target) => Promise<CellResult>;

function registerSuite(suite: SuiteDefinition, runId: string, secrets: Secrets, cells: readonly Cell[], run: CellRunner): void {
  const groups = Map.groupBy(cells, targetKey);
  for (const [key, group] of groups) {
    describe(key, () => {
      for (const cell of group) {
        const definition = suite.tests.find((entry) => entry.id === cell.test);
        if (!definition) continue;
        test(cell.id, { timeout: cell.timeoutMs + 30_000 }, async ({ task, skip }) => {
          const ready = await preparedFor(cell, secrets);
          const result =
            'target' in ready
              ? await run(cell, definition, ready.target)
              : decidedResult(cell, runId, ready.unavailable, ready.reason, { layer: ready.layer, kind: ready.kind });
          const drift = driftOf(cell, result);
          if (drift) result.drift = drift;
          task.meta.cell = result;
          if (result.verdict === 'fail' || result.verdict === 'error') {
            throw new Error(`${result.verdict}${result.layer ? ` [${result.layer}]` : ''}: ${result.message ?? ''}`);
          }
          if (result.verdict === 'skipped' || result.verdict === 'unsupported') skip(result.message ?? result.verdict);
        });
      }
    });
  }
}
