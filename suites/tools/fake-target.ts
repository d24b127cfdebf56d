import type { DeclaredCapabilities } from '../../harness/contract/capability.ts';
import type { ProtocolClient } from '../../harness/contract/protocol-client.ts';
import type { Target } from '../../harness/suite/define.ts';

/** A Target around any client (unit tests of suite definitions with a scripted fake client). */
export function fakeTarget(client: ProtocolClient, capabilities: DeclaredCapabilities = {}): Target {
  return {
    providerId: 'fake',
    providerName: 'Fake (scripted, not live-verified here)',
    model: { id: 'fake-model', displayName: 'Fake', capabilities },
    protocol: client.protocol,
    capabilities,
    quirks: [],
    client,
    auth: 'none',
    clientWith: async () => client,
    quirk: () => undefined,
  };
}
