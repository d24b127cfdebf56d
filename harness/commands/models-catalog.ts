import type { DeclaredCapabilities } from '../contract/capability.ts';
import type { ModelListing } from '../contract/protocol-client.ts';
import type { ModelSpec } from '../contract/provider.ts';

/** One model of a provider: what its pinned metadata declares and what the endpoint lists. */
export interface CatalogRow {
  id: string;
  displayName?: string;
  /** Pinned value first, else what the endpoint reported. */
  contextWindow?: number;
  /** Capabilities the pinned metadata declares (empty when not pinned). */
  declared: DeclaredCapabilities;
  /** Capabilities the endpoint itself reported (LM Studio, …), when it did. */
  reported?: DeclaredCapabilities;
  loaded?: boolean;
  pinned: boolean;
  /** Whether the endpoint lists it; undefined when the listing could not be read. */
  listed?: boolean;
}

/**
 * Merges the endpoint's listing with the pinned models: pinned ones first (in pinned order,
 * marked when the endpoint does not list them), then listed models nothing pins.
 */
export function mergeCatalog(pinned: readonly ModelSpec[], listing: readonly ModelListing[] | undefined): CatalogRow[] {
  const rows: CatalogRow[] = pinned.map((model) => {
    const listed = listing?.find((entry) => entry.id === model.id);
    const row: CatalogRow = {
      id: model.id,
      displayName: model.displayName,
      contextWindow: model.contextWindow ?? listed?.contextWindow,
      declared: model.capabilities,
      pinned: true,
      listed: listing ? listed !== undefined : undefined,
    };
    if (listed?.capabilities) row.reported = listed.capabilities;
    if (listed?.loaded !== undefined) row.loaded = listed.loaded;
    return row;
  });
  for (const entry of listing ?? []) {
    if (pinned.some((model) => model.id === entry.id)) continue;
    const row: CatalogRow = { id: entry.id, displayName: entry.displayName, contextWindow: entry.contextWindow, declared: {}, pinned: false, listed: true };
    if (entry.capabilities) row.reported = entry.capabilities;
    if (entry.loaded !== undefined) row.loaded = entry.loaded;
    rows.push(row);
  }
  return rows;
}

/** "pinned + listed", "pinned, NOT listed by the endpoint", "listed, not pinned", "pinned (listing unavailable)". */
export function catalogStatus(row: CatalogRow): string {
  if (row.pinned && row.listed === true) return 'pinned + listed';
  if (row.pinned && row.listed === false) return 'pinned, NOT listed by the endpoint';
  if (row.pinned) return 'pinned (listing unavailable)';
  return 'listed, not pinned';
}
