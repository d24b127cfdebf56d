import type { ProviderDefinition } from '../contract/provider.ts';

/** A provider definition for planner tests (pure data, no endpoint behind it): a local openai-chat server, overridable. */
export function testProvider(overrides: Partial<ProviderDefinition> & Pick<ProviderDefinition, 'id'>): ProviderDefinition {
  const base: ProviderDefinition = { id: overrides.id, displayName: overrides.id, kind: 'local', protocols: [{ protocol: 'openai-chat', path: '/v1' }], models: [], setupHint: `start ${overrides.id}`, healthCheck: '', liveVerifiedHere: true };
  return { ...base, ...overrides };
}
