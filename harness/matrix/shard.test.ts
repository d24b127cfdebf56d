import { describe, expect, it } from 'vitest';
import type { Cell } from './cell.ts';
import { shardCells } from './shard.ts';

/** Only the fields sharding reads. */
const cell = (id: string, action: 'run' | 'skipped' = 'run'): Cell =>
  ({ id, gate: action === 'run' ? { action } : { action, reason: 'no credentials' } }) as Pick<Cell, 'id' | 'gate'> as Cell;

const planned = [
  ...['p/m/chat/core.a', 'p/m/chat/core.b', 'p/m/chat/core.c', 'p/m/chat/core.d', 'p/m/chat/core.e'].map((id) => cell(id)),
  ...['q/m/chat/core.a', 'q/m/chat/core.b', 'q/m/chat/core.c'].map((id) => cell(id, 'skipped')),
];
const ids = (cells: Cell[]) => cells.map((entry) => entry.id);

describe('shardCells', () => {
  it('splits into disjoint parts that together are every cell', () => {
    const parts = [1, 2, 3].map((index) => ids(shardCells(planned, { index, count: 3 })));
    expect(parts.flat().sort()).toEqual(ids(planned).sort());
    expect(new Set(parts.flat()).size).toBe(planned.length);
  });

  it('is deterministic and independent of plan order', () => {
    const reversed = [...planned].reverse();
    for (const index of [1, 2]) expect(ids(shardCells(reversed, { index, count: 2 })).sort()).toEqual(ids(shardCells(planned, { index, count: 2 })).sort());
  });

  it('deals cells that run apart from decided ones, so the work is balanced', () => {
    const first = shardCells(planned, { index: 1, count: 2 });
    const second = shardCells(planned, { index: 2, count: 2 });
    expect(first.filter((entry) => entry.gate.action === 'run')).toHaveLength(3);
    expect(second.filter((entry) => entry.gate.action === 'run')).toHaveLength(2);
    expect(ids(first)).toEqual(['p/m/chat/core.a', 'p/m/chat/core.c', 'p/m/chat/core.e', 'q/m/chat/core.a', 'q/m/chat/core.c']);
  });

  it('1/1 is every cell in plan order', () => {
    expect(ids(shardCells(planned, { index: 1, count: 1 }))).toEqual(ids(planned));
  });
});
