import type { Capability, DeclaredCapabilities } from '../contract/capability.ts';
import type { ProtocolId } from '../contract/protocol-client.ts';
import { protocolLimits } from '../protocols/registry.ts';
import type { Gate } from './cell.ts';

/**
 * A cell is unsupported when its wire protocol cannot carry what the test requires, or when the
 * model declares a required capability absent. Unknown (undeclared) capabilities run.
 */
export function capabilityGate(requires: readonly Capability[], declared: DeclaredCapabilities, protocol: ProtocolId): Gate {
  const limits = protocolLimits(protocol);
  const protocolLacks = requires.filter((capability) => limits[capability] === false);
  if (protocolLacks.length > 0) {
    return { action: 'unsupported', reason: `the ${protocol} protocol has no ${protocolLacks.join(', ')}` };
  }
  const missing = declaredMissing(requires, declared);
  if (missing.length > 0) {
    return { action: 'unsupported', reason: `model declares no ${missing.join(', ')}` };
  }
  return { action: 'run' };
}

/** The required capabilities the model declares absent (what `--probe` runs anyway). */
export function declaredMissing(requires: readonly Capability[], declared: DeclaredCapabilities): Capability[] {
  return requires.filter((capability) => declared[capability] === false);
}
