import './provided-context.ts';
import { afterAll, describe, inject, test } from 'vitest';
import { targetKey, type Cell, type Secrets } from '../matrix/cell.ts';
import type { SuiteDefinition, Target, VerifyTestDefinition } from '../suite/define.ts';
import { VerifyError } from '../contract/verify-error.ts';
import { createRedactor } from '../config/redactor.ts';
import { BudgetLedger } from '../cost/budget.ts';
import { estimateCost } from '../cost/cell-cost.ts';
import { runOnTarget, type TranscriptOutput } from './run-on-target.ts';
import { createTarget, type TargetHandle } from './create-target.ts';
import { decidedResult, runCell } from './run-cell.ts';
import { aggregateRepeats, endsRepeats } from '../verdicts/aggregate-repeats.ts';
import { driftOf } from '../verdicts/drift.ts';
import { CellScheduler, type LaneSpec } from './cell-scheduler.ts';
import { CircuitBreaker } from './circuit-breaker.ts';
import type { CellResult } from '../verdicts/verdict.ts';
import { withCellSpan } from '../telemetry/cell-span.ts';
import { tracingClient } from '../telemetry/genai-client.ts';
import { runContext } from '../telemetry/run-span.ts';
import { startTelemetry, type Telemetry } from '../telemetry/tracer.ts';

type Prepared =
  | TargetHandle
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

/** What every test of a run shares: ids, credentials, transcript output, and the --budget ledger. */
interface RunShared {
  runId: string;
  secrets: Secrets;
  output: TranscriptOutput;
  budget?: BudgetLedger;
}

/**
 * Registers one vitest test per runnable cell of the given suites (in suite order, grouped by
 * target). The test's verdict travels to the runner in task meta; a failing verdict also fails
 * the vitest test. Targets are closed after the last test.
 */
export function registerSuites(suites: readonly SuiteDefinition[]): void {
  const budgetUsd = inject('budgetUsd');
  const schedule = inject('schedule');
  const shared: RunShared = {
    runId: inject('runId'),
    secrets: inject('secrets'),
    output: { runDir: inject('runDir'), mode: inject('transcripts'), redactor: createRedactor(inject('redactValues')) },
    budget: budgetUsd === undefined ? undefined : new BudgetLedger(budgetUsd),
  };
  const cells = inject('cells').filter((cell) => cell.gate.action === 'run');
  const settings = inject('telemetry') ?? { content: false };
  telemetry = startTelemetry(settings);
  const parent = runContext(settings.traceparent);
  const mcpServers = inject('mcpServers') ?? [];
  const runTraced: CellRunner = (cell, definition, target) =>
    withCellSpan(telemetry, parent, { id: cell.id, suite: cell.suite, test: cell.test, provider: cell.provider, model: cell.model, protocol: cell.protocol }, () =>
      runCell(cell, shared.runId, definition, target, { mcpServers }),
    );
  const run: RunState = {
    shared,
    scheduler: new CellScheduler(schedule.concurrency),
    breakers: new Map(),
    threshold: schedule.circuitBreaker,
    order: new Map(),
    runCell: runTraced,
  };
  afterAll(async () => {
    for (const entry of prepared.values()) {
      const value = await entry;
      if ('target' in value) await value.close();
    }
    prepared.clear();
    await telemetry.shutdown();
  });
  for (const suite of suites) registerSuite(suite, run, cells.filter((cell) => cell.suite === suite.id));
}

type CellRunner = (cell: Cell, definition: SuiteDefinition['tests'][number], target: Target) => Promise<CellResult>;

interface RunState {
  shared: RunShared;
  scheduler: CellScheduler;
  breakers: Map<string, CircuitBreaker>;
  threshold: number;
  /** Cells registered so far per target: a cell's place in its target's lane. */
  order: Map<string, number>;
  /** Runs one cell's body against its target (in the cell's trace span). */
  runCell: CellRunner;
}

function laneOf(cell: Cell): LaneSpec {
  const own = cell.target.concurrency;
  return {
    target: targetKey(cell),
    endpoint: own?.endpoint ?? cell.target.rootUrl ?? cell.provider,
    perTarget: own?.perTarget ?? 1,
    perEndpoint: own?.perEndpoint ?? 1,
  };
}

/** One cell, when the scheduler lets it run: a circuit opened by the target's earlier cells decides it without a request. */
async function runScheduledCell(cell: Cell, definition: VerifyTestDefinition, run: RunState): Promise<CellResult> {
  const key = targetKey(cell);
  let breaker = run.breakers.get(key);
  if (!breaker) {
    breaker = new CircuitBreaker(run.threshold);
    run.breakers.set(key, breaker);
  }
  const circuit = breaker.state();
  if (circuit.open) return decidedResult(cell, run.shared.runId, 'error', circuit.reason, { layer: 'infra', kind: circuit.kind });
  const result = await runOne(cell, definition, run.shared, run.runCell);
  breaker.record(result);
  return result;
}

/** Runs one cell: within the budget, on its prepared target (or decided when the target is unavailable). */
async function runOne(cell: Cell, definition: VerifyTestDefinition, shared: RunShared, run: CellRunner): Promise<CellResult> {
  const price = cell.target.price?.price;
  const repeat = cell.repeat ?? 1;
  const ticket = shared.budget?.tryStart(price && cell.estimate ? estimateCost(cell.estimate, price) * repeat : undefined);
  if (ticket && 'refused' in ticket) return decidedResult(cell, shared.runId, 'skipped', ticket.refused);
  let result: CellResult | undefined;
  try {
    const ready = await preparedFor(cell, shared.secrets);
    result =
      'target' in ready
        ? await runOnTarget(cell, ready, shared.output, async (target) => {
            // --repeat N: N independent runs (fresh requests, nothing reused between them), one verdict.
            const runs: CellResult[] = [];
            for (let index = 0; index < repeat; index += 1) {
              const once = await run(cell, definition, target);
              runs.push(once);
              if (endsRepeats(once)) break;
            }
            const aggregate = aggregateRepeats(runs);
            // Every run's retries, not only those of the run the verdict came from.
            const retries = runs.flatMap((once) => once.retries ?? []);
            return runs.length > 1 && retries.length > 0 ? { ...aggregate, retries } : aggregate;
          })
        : decidedResult(cell, shared.runId, ready.unavailable, ready.reason, { layer: ready.layer, kind: ready.kind });
    return result;
  } finally {
    if (ticket) shared.budget?.settle(ticket, result ? (result.costUsd ?? (result.usage ? undefined : 0)) : undefined);
  }
}

/**
 * Every test is concurrent for vitest; the scheduler decides when each body really runs. vitest's
 * own timeout is off (a cell waits for its turn first): runCell's deadline ends every cell.
 */
function registerSuite(suite: SuiteDefinition, run: RunState, cells: readonly Cell[]): void {
  const groups = Map.groupBy(cells, targetKey);
  for (const [key, group] of groups) {
    describe(key, { concurrent: true }, () => {
      for (const cell of group) {
        const definition = suite.tests.find((entry) => entry.id === cell.test);
        if (!definition) continue;
        const order = run.order.get(key) ?? 0;
        run.order.set(key, order + 1);
        test(cell.id, { timeout: 0, concurrent: true }, async ({ task, skip }) => {
          const result = await run.scheduler.schedule(laneOf(cell), order, () => runScheduledCell(cell, definition, run));
          const drift = driftOf(cell, result, definition.passShows);
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
