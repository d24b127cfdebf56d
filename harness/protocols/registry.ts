import type { DeclaredCapabilities } from '../contract/capability.ts';
import type { ClientConfig, ProtocolClient, ProtocolId } from '../contract/protocol-client.ts';
import { PROTOCOL_MODULES } from './index.ts';
import type { ProtocolModule } from './protocol-module.ts';
import type { EventOrderChecker } from './shared/raw-event.ts';
import type { TerminalSignal } from './shared/terminal-signal.ts';

type Listed = (typeof PROTOCOL_MODULES)[number]['id'];
/** Compile-time check: a protocol that registers its id (protocol.ts) but is not listed in index.ts is an error here. */
type EveryRegisteredIdIsListed<Missing extends never> = Missing;
export type ProtocolListComplete = EveryRegisteredIdIsListed<Exclude<ProtocolId, Listed>>;

const BY_ID: ReadonlyMap<string, ProtocolModule> = new Map(PROTOCOL_MODULES.map((module) => [module.id, module]));

/** Every protocol id, in list order. */
export const PROTOCOL_IDS: readonly ProtocolId[] = PROTOCOL_MODULES.map((module) => module.id);

export function isProtocolId(value: string): value is ProtocolId {
  return BY_ID.has(value);
}

export function protocolModule(id: ProtocolId): ProtocolModule {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`no protocol module for ${id}: add its folder's protocol.ts to harness/protocols/index.ts`);
  return found;
}

/** What a wire protocol itself cannot carry (merged over declared capabilities). */
export function protocolLimits(id: ProtocolId): DeclaredCapabilities {
  return protocolModule(id).limits;
}

/** The capabilities a test can count on for a model spoken to over a protocol. */
export function effectiveCapabilities(declared: DeclaredCapabilities, protocol: ProtocolId): DeclaredCapabilities {
  return { ...declared, ...protocolLimits(protocol) };
}

/** How a protocol's stream says it has ended. */
export function terminalSignal(id: ProtocolId): TerminalSignal {
  return protocolModule(id).terminalSignal;
}

/** The raw-event order checker of a protocol. */
export function eventOrderChecker(id: ProtocolId): EventOrderChecker {
  return protocolModule(id).checkEventOrder;
}

/** A client for one endpoint over its protocol's official SDK (the SDK is loaded on first use). */
export async function createProtocolClient(config: ClientConfig): Promise<ProtocolClient> {
  const factory = await protocolModule(config.protocol).loadClient();
  return factory(config);
}
