import type { DeclaredCapabilities } from '../contract/capability.ts';
import type { ProtocolClient, ProtocolId } from '../contract/protocol-client.ts';
import type { TargetPlan } from '../matrix/cell.ts';
import { createTarget } from '../runner/create-target.ts';
import type { Target } from '../suite/define.ts';

/** The plan of a scripted fake target (not a real peer; nothing here is live-verified). */
export function fakeTargetPlan(capabilities: DeclaredCapabilities = {}, protocol: ProtocolId = 'openai-chat'): TargetPlan {
  return {
    providerId: 'fake',
    providerName: 'Fake (scripted, not live-verified here)',
    model: { id: 'fake-model', displayName: 'Fake', capabilities },
    capabilities,
    quirks: [],
    parallelRequests: 1,
    auth: 'none',
    setupHint: '',
    onUnreachable: 'error',
    client: { protocol, modelId: 'fake-model', timeoutMs: 30_000, maxRetries: 0 },
  };
}

/** A Target around any client, built by the runner's createTarget (unit tests with a scripted fake client). */
export async function fakeTarget(client: ProtocolClient, capabilities: DeclaredCapabilities = {}): Promise<Target> {
  const handle = await createTarget(fakeTargetPlan(capabilities, client.protocol), { connect: async () => client });
  return handle.target;
}
