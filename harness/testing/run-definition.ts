import type { Cell } from '../matrix/cell.ts';
import { runCell } from '../runner/run-cell.ts';
import type { Target, VerifyTestDefinition } from '../suite/define.ts';
import type { Classified } from '../verdicts/classify.ts';

export interface LiveOutcome extends Classified {
  test: string;
  durationMs: number;
  details: Record<string, unknown>;
}

/** Runs one definition the way the runner does (capability gating, then runCell: deadline, verdict classification). */
export async function runDefinition(test: VerifyTestDefinition, target: Target, timeoutMs = 300_000): Promise<LiveOutcome> {
  const gated = test.requires.filter((capability) => target.capabilities[capability] === false);
  if (gated.length > 0) {
    return { test: test.id, verdict: 'unsupported', message: `declared unsupported: ${gated.join(', ')}`, durationMs: 0, details: {} };
  }
  const cell: Pick<Cell, 'suite' | 'test' | 'provider' | 'model' | 'protocol' | 'assertion' | 'tags' | 'timeoutMs'> = {
    suite: 'live',
    test: test.id,
    provider: target.providerId,
    model: target.model.id,
    protocol: target.protocol,
    assertion: test.assertion,
    tags: test.tags,
    timeoutMs: test.timeoutMs ?? timeoutMs,
  };
  const result = await runCell(cell, 'live', test, target);
  return { test: test.id, verdict: result.verdict, layer: result.layer, kind: result.kind, message: result.message, durationMs: result.durationMs, details: result.details ?? {} };
}

export function formatOutcome(outcome: LiveOutcome): string {
  const verdict = outcome.layer ? `${outcome.verdict}/${outcome.layer}` : outcome.verdict;
  return `${outcome.test.padEnd(26)} ${verdict.padEnd(18)} ${String(outcome.durationMs).padStart(6)} ms  ${outcome.message ?? ''}\n    details: ${JSON.stringify(outcome.details).slice(0, 1500)}`;
}
