import { VerifyError } from '../contract/verify-error.ts';
import type { Cell } from '../matrix/cell.ts';
import type { TestContext, VerifyTestDefinition, Target } from '../suite/define.ts';
import { VerdictSignal } from '../verdicts/check-failure.ts';
import { classifyOutcome } from '../verdicts/classify.ts';
import type { CellResult } from '../verdicts/verdict.ts';

/** The fields of a cell that its result repeats. */
type CellIdentity = Pick<Cell, 'suite' | 'test' | 'provider' | 'model' | 'protocol' | 'assertion' | 'tags'>;

function identity(cell: CellIdentity, runId: string): Pick<CellResult, 'runId' | keyof CellIdentity> {
  return { runId, suite: cell.suite, test: cell.test, provider: cell.provider, model: cell.model, protocol: cell.protocol, assertion: cell.assertion, tags: cell.tags };
}

/**
 * Runs one test body against a target and turns whatever happens into a CellResult.
 * Never throws: every outcome is a verdict.
 */
export async function runCell(
  cell: CellIdentity & Pick<Cell, 'timeoutMs'>,
  runId: string,
  definition: VerifyTestDefinition,
  target: Target,
  extras: Pick<TestContext, 'mcpServers'> = {},
): Promise<CellResult> {
  const startedAt = new Date();
  const started = performance.now();
  const details: Record<string, unknown> = {};
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new VerifyError({ kind: 'timeout', layer: 'transport', message: `test deadline of ${cell.timeoutMs} ms passed` })),
    cell.timeoutMs,
  );
  const context: TestContext = {
    ...extras,
    target,
    signal: controller.signal,
    record(key, value) {
      details[key] = value;
    },
    skip(reason) {
      throw new VerdictSignal('skipped', reason);
    },
    unsupported(reason) {
      throw new VerdictSignal('unsupported', reason);
    },
  };
  let thrown: unknown;
  try {
    await Promise.race([
      definition.run(context),
      new Promise<never>((_, reject) => {
        controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
      }),
    ]);
  } catch (error) {
    thrown = error;
  } finally {
    clearTimeout(timer);
  }
  const outcome = classifyOutcome(thrown);
  // A harness error names where our own code threw: its stack goes with the cell.
  if (outcome.stack !== undefined) details.stack = outcome.stack;
  return {
    ...identity(cell, runId),
    verdict: outcome.verdict,
    layer: outcome.layer,
    kind: outcome.kind,
    message: outcome.message,
    durationMs: Math.round(performance.now() - started),
    startedAt: startedAt.toISOString(),
    details: Object.keys(details).length > 0 ? details : undefined,
  };
}

/** A result for a cell that was decided without running it (unsupported, skipped, or target unavailable). */
export function decidedResult(cell: Cell, runId: string, verdict: CellResult['verdict'], message: string, extra: Partial<CellResult> = {}): CellResult {
  return {
    ...identity(cell, runId),
    verdict,
    message,
    durationMs: 0,
    startedAt: new Date().toISOString(),
    requires: verdict === 'unsupported' ? cell.requires : undefined,
    ...extra,
  };
}
