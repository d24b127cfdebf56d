import type { DeclaredCapabilities } from '../contract/capability.ts';
import type { ProtocolClientFactory, ProtocolId } from '../contract/protocol-client.ts';
import type { FinishReasonTable } from './shared/finish-reason.ts';
import type { EventOrderChecker } from './shared/raw-event.ts';
import type { TerminalSignal } from './shared/terminal-signal.ts';

/**
 * Everything the harness knows about one wire protocol, in its folder harness/protocols/<id>/.
 * The folder's protocol.ts also registers the id in the contract's ProtocolIds; the list in
 * harness/protocols/index.ts is what the engine reads.
 */
export interface ProtocolModule<Id extends ProtocolId = ProtocolId> {
  readonly id: Id;
  /**
   * What the protocol itself cannot carry, whatever the model behind it can do. Merged over a
   * model's declared capabilities, so a test needing it is `unsupported` on this protocol.
   */
  readonly limits: DeclaredCapabilities;
  /** The protocol's own finish/stop reasons and their meaning in the contract. */
  readonly finishReasons: FinishReasonTable;
  /** Checks one complete stream's raw SDK events (as recorded in the transcript) for the protocol's order. */
  readonly checkEventOrder: EventOrderChecker;
  /** How one of its streams says it has ended (its normalizer emits `done` only after it). */
  readonly terminalSignal: TerminalSignal;
  /** Loads the client lazily, so a run loads only the SDKs it uses. */
  loadClient(): Promise<ProtocolClientFactory>;
}
