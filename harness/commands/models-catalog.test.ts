import { describe, expect, it } from 'vitest';
import { catalogStatus, mergeCatalog } from './models-catalog.ts';

const pinned = [
  { id: 'a', displayName: 'A', contextWindow: 8192, capabilities: { chat: true, tools: false } },
  { id: 'b', displayName: 'B', capabilities: {} },
];

describe('mergeCatalog', () => {
  it('marks pinned models the endpoint does not list and listed models nothing pins', () => {
    const rows = mergeCatalog(pinned, [{ id: 'a' }, { id: 'c', contextWindow: 4096, loaded: true, capabilities: { tools: true } }]);
    expect(rows.map((row) => [row.id, catalogStatus(row)])).toEqual([
      ['a', 'pinned + listed'],
      ['b', 'pinned, NOT listed by the endpoint'],
      ['c', 'listed, not pinned'],
    ]);
    expect(rows[0]).toMatchObject({ contextWindow: 8192, declared: { chat: true, tools: false } });
    expect(rows[2]).toMatchObject({ contextWindow: 4096, declared: {}, reported: { tools: true }, loaded: true });
  });

  it('says the listing was unavailable instead of calling pinned models unlisted', () => {
    const rows = mergeCatalog(pinned, undefined);
    expect(rows.every((row) => row.listed === undefined)).toBe(true);
    expect(catalogStatus(rows[0]!)).toBe('pinned (listing unavailable)');
  });
});
