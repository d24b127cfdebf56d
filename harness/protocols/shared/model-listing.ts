import type { HealthInfo, ModelListing } from '../../contract/protocol-client.ts';

/** Drains an SDK's (paged) model listing; items `toListing` maps to undefined are left out. */
export async function collectModelListings<T>(items: AsyncIterable<T>, toListing: (item: T) => ModelListing | undefined): Promise<ModelListing[]> {
  const listings: ModelListing[] = [];
  for await (const item of items) {
    const listing = toListing(item);
    if (listing) listings.push(listing);
  }
  return listings;
}

/** Health for a protocol with no health call of its own: the model listing answered. */
export function healthFromListing(models: readonly ModelListing[]): HealthInfo {
  return { ok: true, detail: `${models.length} model(s) listed` };
}
