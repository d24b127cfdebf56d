import { describe, expect, it } from 'vitest';
import { collectModelListings, healthFromListing } from './model-listing.ts';

async function* pages(): AsyncGenerator<{ name: string; chat: boolean }> {
  yield { name: 'a', chat: true };
  yield { name: 'embed', chat: false };
  yield { name: 'b', chat: true };
}

describe('model listing helpers', () => {
  it('collects every mapped item in order and leaves out what maps to undefined', async () => {
    expect(await collectModelListings(pages(), (item) => (item.chat ? { id: item.name } : undefined))).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it('reports health from the listing size', () => {
    expect(healthFromListing([{ id: 'a' }, { id: 'b' }])).toEqual({ ok: true, detail: '2 model(s) listed' });
  });
});
