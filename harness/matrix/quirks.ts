import type { DeclaredCapabilities } from '../contract/capability.ts';
import type { OmittedRequestField, Quirk } from '../contract/provider.ts';
import { selected } from './filters.ts';

/** The quirks of a provider that apply to one model (a quirk without `models` applies to all). */
export function quirksForModel(quirks: readonly Quirk[] | undefined, modelId: string): Quirk[] {
  return (quirks ?? []).filter((quirk) => quirk.models === undefined || selected(modelId, quirk.models));
}

/** A request field the builder leaves out makes the capability it carries unavailable for the model. */
const CAPABILITY_OF_FIELD: Partial<Record<OmittedRequestField, keyof DeclaredCapabilities>> = {
  temperature: 'temperature',
  seed: 'seed',
  stop: 'stop_sequences',
};

/** Declared capabilities with the quirks' omitted fields marked unsupported (a test needing one is `unsupported`). */
export function capabilitiesAfterQuirks(declared: DeclaredCapabilities, quirks: readonly Quirk[]): DeclaredCapabilities {
  const result: DeclaredCapabilities = { ...declared };
  for (const field of quirks.flatMap((quirk) => quirk.request?.omit ?? [])) {
    const capability = CAPABILITY_OF_FIELD[field];
    if (capability) result[capability] = false;
  }
  return result;
}
