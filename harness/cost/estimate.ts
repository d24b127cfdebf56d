import { targetKey, type Cell } from '../matrix/cell.ts';
import { estimateCost, formatUsd, roundUsd } from './cell-cost.ts';

export interface CostEstimate {
  /** Cells that would run. */
  cells: number;
  usd: number;
  byTarget: Map<string, number>;
  /** Runnable cells whose model has no price (cloud models neither declared nor in --prices): not counted. */
  unpriced: string[];
}

/** The most the runnable cells should cost, from each test's prompt size and output-token limit and its model's price. */
export function estimateCells(cells: readonly Cell[]): CostEstimate {
  const byTarget = new Map<string, number>();
  const unpriced = new Set<string>();
  let usd = 0;
  let count = 0;
  for (const cell of cells) {
    if (cell.gate.action !== 'run') continue;
    count += 1;
    const price = cell.target.price?.price;
    if (!price || !cell.estimate) {
      unpriced.add(targetKey(cell));
      continue;
    }
    const cost = estimateCost(cell.estimate, price) * (cell.repeat ?? 1);
    usd += cost;
    byTarget.set(targetKey(cell), roundUsd((byTarget.get(targetKey(cell)) ?? 0) + cost));
  }
  return { cells: count, usd: roundUsd(usd), byTarget, unpriced: [...unpriced] };
}

/** One line for the start of a run and `list --estimate`. */
export function estimateLine(estimate: CostEstimate, budgetUsd?: number): string {
  const unpriced = estimate.unpriced.length > 0 ? `; no declared price, not counted: ${estimate.unpriced.join(', ')}` : '';
  const budget = budgetUsd === undefined ? '' : ` (--budget ${formatUsd(budgetUsd)})`;
  return `estimated cost of ${estimate.cells} cell(s) to run: at most ${formatUsd(estimate.usd)}${budget}${unpriced}`;
}
