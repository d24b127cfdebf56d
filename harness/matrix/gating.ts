import type { Capability, DeclaredCapabilities } from '../contract/capability.ts';
import type { Gate } from './cell.ts';

/** A cell is unsupported when the model declares any capability the test requires as absent. */
export function capabilityGate(requires: readonly Capability[], declared: DeclaredCapabilities): Gate {
  const missing = requires.filter((capability) => declared[capability] === false);
  if (missing.length > 0) {
    return { action: 'unsupported', reason: `model declares no ${missing.join(', ')}` };
  }
  return { action: 'run' };
}
