import { formatUsd, roundUsd } from '../cost/cell-cost.ts';
import type { CellResult } from '../verdicts/verdict.ts';

export interface CostTotals {
  /** Sum of every cell's recorded cost. */
  usd: number;
  /** target (provider/model/protocol) → USD. */
  byTarget: Record<string, number>;
  /** Targets with cells that made model calls but have no cost (no price known): their cost is missing from the sums. */
  unpricedTargets: string[];
}

const targetOf = (result: CellResult) => `${result.provider}/${result.model}/${result.protocol}`;

/** Cost per target and in total, from the cells' recorded costs. */
export function costTotals(results: readonly CellResult[]): CostTotals {
  const byTarget: Record<string, number> = {};
  const unpriced = new Set<string>();
  let usd = 0;
  for (const result of results) {
    const target = targetOf(result);
    if (result.costUsd !== undefined) {
      usd += result.costUsd;
      byTarget[target] = roundUsd((byTarget[target] ?? 0) + result.costUsd);
    } else if (result.usage) {
      unpriced.add(target);
    }
  }
  return { usd: roundUsd(usd), byTarget, unpricedTargets: [...unpriced] };
}

/** The cost of one target for tables: "$0.0012", "$0", or "?" (calls made, no price known). */
export function targetCostText(totals: CostTotals, target: string): string {
  if (totals.unpricedTargets.includes(target)) return '?';
  const usd = totals.byTarget[target];
  return usd === undefined ? '-' : formatUsd(usd);
}

/** "cost: $0.0123 in total" (+ which targets have no price). */
export function costLine(totals: CostTotals): string {
  const unpriced = totals.unpricedTargets.length > 0 ? ` (not counted, no price known: ${totals.unpricedTargets.join(', ')})` : '';
  return `cost: ${formatUsd(totals.usd)} in total${unpriced}`;
}

/** The matrix.md section: one row per target, then the total. */
export function renderCostMarkdown(totals: CostTotals, targets: readonly string[]): string {
  const lines = ['| target | cost (USD) |', '| --- | ---: |', ...targets.map((target) => `| ${target} | ${targetCostText(totals, target)} |`), `| **total** | **${formatUsd(totals.usd)}** |`];
  if (totals.unpricedTargets.length > 0) lines.push('', `No price known (not counted): ${totals.unpricedTargets.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}
