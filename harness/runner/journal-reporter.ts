import type { Reporter, TestCase } from 'vitest/node';
import './provided-context.ts';
import type { Cell } from '../matrix/cell.ts';
import type { Journal } from '../reporters/journal.ts';
import type { CellResult } from '../verdicts/verdict.ts';
import { decidedResult } from './run-cell.ts';

export interface CellListener {
  (result: CellResult): void;
}

/**
 * A vitest reporter running in the CLI process: each finished test case's verdict (from task meta)
 * goes to the journal at once. A test that ended without a verdict in meta (vitest timeout, crash
 * in a hook) becomes an `error` cell, never a silent gap.
 */
export function createJournalReporter(options: { journal: Journal; runId: string; cells: ReadonlyMap<string, Cell>; onCell: CellListener }): Reporter {
  const seen = new Set<string>();
  return {
    onTestCaseResult(testCase: TestCase) {
      const cell = options.cells.get(testCase.name);
      if (!cell || seen.has(cell.id)) return;
      seen.add(cell.id);
      let result = testCase.meta().cell;
      if (!result) {
        const state = testCase.result().state;
        const errors = testCase.result().errors ?? [];
        const message = errors.map((error) => error.message).join('; ') || `vitest state ${state} without a verdict`;
        result = decidedResult(cell, options.runId, 'error', `harness: ${message}`, { layer: 'infra', durationMs: Math.round(testCase.diagnostic()?.duration ?? 0) });
      }
      options.journal.append(result);
      options.onCell(result);
    },
  };
}
