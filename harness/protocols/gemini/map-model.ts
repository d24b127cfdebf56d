import type { Model } from '@google/genai';
import type { ModelListing } from '../../contract/protocol-client.ts';

/**
 * Maps one entry of GET models. Only models that can generateContent are chat targets: the
 * listing also holds embedding and other models, which are left out. Names come as
 * "models/<id>"; the id is what generateContent takes.
 */
export function fromModel(model: Model): ModelListing | undefined {
  if (!model.name) return undefined;
  if (model.supportedActions && !model.supportedActions.includes('generateContent')) return undefined;
  const listing: ModelListing = { id: model.name.replace(/^models\//, '') };
  if (model.displayName) listing.displayName = model.displayName;
  if (model.inputTokenLimit) listing.contextWindow = model.inputTokenLimit;
  if (model.thinking !== undefined) listing.capabilities = { reasoning: model.thinking };
  return listing;
}
