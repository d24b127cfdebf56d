import type { Shard } from '../config/run-args.ts';
import type { Cell } from './cell.ts';

const byId = (a: Cell, b: Cell) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * `--shard i/n`: the i-th of n parts of the planned cells. Deterministic (cells sorted by id, dealt
 * round-robin), independent of plan order, and balanced: cells that will run are dealt apart from
 * cells decided without running (skipped, unsupported), so every shard gets a fair share of the
 * real work. The n parts are disjoint and together are every cell; plan order is kept within a part.
 */
export function shardCells(cells: readonly Cell[], shard: Shard): Cell[] {
  const chosen = new Set<string>();
  for (const group of [cells.filter((cell) => cell.gate.action === 'run'), cells.filter((cell) => cell.gate.action !== 'run')]) {
    [...group].sort(byId).forEach((cell, position) => {
      if (position % shard.count === shard.index - 1) chosen.add(cell.id);
    });
  }
  return cells.filter((cell) => chosen.has(cell.id));
}
