import type { DeclaredCapabilities } from '../contract/capability.ts';
import type { ProtocolId } from '../contract/protocol-client.ts';
import type { ProviderDefinition, Quirk } from '../contract/provider.ts';
import type { ProviderEndpoint } from '../matrix/endpoint-plan.ts';
import { capabilitiesAfterQuirks, quirksForModel } from '../matrix/quirks.ts';
import { UsageError } from '../matrix/usage-error.ts';
import { effectiveCapabilities } from '../protocols/registry.ts';
import { adviseGate, modelNotFoundFix, type Advice } from './error-advice.ts';
import { discoverModels } from './shared-setup.ts';

/** One provider × model × protocol `ask` sends the prompt to; `blocked` when nothing can be sent. */
export interface AskTarget {
  provider: ProviderDefinition;
  endpoint: ProviderEndpoint;
  model: string;
  protocol: ProtocolId;
  capabilities: DeclaredCapabilities;
  /** The provider's quirks for this model (applied to the request as the suites' request builder does). */
  quirks: Quirk[];
  blocked?: Advice;
}

export const targetLabel = (target: Pick<AskTarget, 'provider' | 'model' | 'protocol'>): string => `${target.provider.id}/${target.model}/${target.protocol}`;

/**
 * `--model` entries: "M" applies to every selected provider, "P=M" only to provider P (model ids
 * may contain "/" and ":", so "=" separates).
 */
export function modelsFor(provider: ProviderDefinition, modelArgs: readonly string[]): string[] {
  const own = modelArgs.filter((entry) => entry.startsWith(`${provider.id}=`)).map((entry) => entry.slice(provider.id.length + 1));
  if (own.length > 0) return own;
  return modelArgs.filter((entry) => !/^[a-z0-9_]+=/.test(entry));
}

/**
 * The model `ask` uses when none is named: the pinned model the endpoint lists, else the first it
 * lists, else the first pinned one. The endpoint is asked only for providers that discover models.
 */
async function defaultModel(provider: ProviderDefinition, endpoint: ProviderEndpoint, credential: string | undefined): Promise<string | undefined> {
  const pinned = provider.models.map((model) => model.id);
  if (provider.discoverModels && endpoint.rootUrl) {
    const discovered = await discoverModels(provider, endpoint, credential);
    const listed = 'models' in discovered ? discovered.models.map((model) => model.id) : [];
    return pinned.find((id) => listed.includes(id)) ?? listed[0] ?? pinned[0];
  }
  return pinned[0];
}

function protocolsFor(provider: ProviderDefinition, model: string, wanted: readonly ProtocolId[]): ProtocolId[] {
  const pinned = provider.models.find((entry) => entry.id === model);
  const available = (pinned?.protocols ?? provider.protocols.map((entry) => entry.protocol)).filter((protocol) => provider.protocols.some((entry) => entry.protocol === protocol));
  if (wanted.length === 0) return available.slice(0, 1);
  return available.filter((protocol) => wanted.includes(protocol));
}

/** Every target of the selected providers × models × protocols. Throws UsageError when a --protocol fits none. */
export async function planAskTargets(input: {
  providers: readonly ProviderDefinition[];
  endpointOf: (provider: ProviderDefinition) => ProviderEndpoint;
  models: readonly string[];
  protocols: readonly ProtocolId[];
  credentialOf: (provider: ProviderDefinition, endpoint: ProviderEndpoint) => string | undefined;
}): Promise<AskTarget[]> {
  const perProvider = await Promise.all(
    input.providers.map(async (provider): Promise<AskTarget[]> => {
      const endpoint = input.endpointOf(provider);
      const blocked = adviseGate(provider, endpoint);
      const named = modelsFor(provider, input.models);
      const models = named.length > 0 ? named : [blocked ? (provider.models[0]?.id ?? '(none)') : ((await defaultModel(provider, endpoint, input.credentialOf(provider, endpoint))) ?? '(none)')];
      return models.flatMap((model) => {
        const protocols = protocolsFor(provider, model, input.protocols);
        return protocols.map((protocol) => {
          const pinned = provider.models.find((entry) => entry.id === model);
          const quirks = quirksForModel(provider.quirks, model);
          const capabilities = effectiveCapabilities(capabilitiesAfterQuirks(pinned?.capabilities ?? {}, quirks), protocol);
          const target: AskTarget = { provider, endpoint, model, protocol, capabilities, quirks };
          if (blocked) target.blocked = blocked;
          else if (provider.kind === 'embedded' && !pinned) {
            // The in-process model answers to any name: only the pinned ids are real (as in `verify`).
            target.blocked = { kind: 'model_not_found', message: `${provider.id} serves only its pinned model(s)`, fix: modelNotFoundFix(provider, model, provider.models.map((entry) => entry.id)) };
          } else if (model === '(none)') target.blocked = { kind: 'model_not_found', message: `${provider.id} pins no model and the endpoint listed none`, fix: `name one with --model (\`llm-verify models ${provider.id}\` lists them)` };
          return target;
        });
      });
    }),
  );
  const targets = perProvider.flat();
  if (targets.length === 0) {
    const offered = [...new Set(input.providers.flatMap((provider) => provider.protocols.map((entry) => entry.protocol)))];
    throw new UsageError(`no selected provider speaks --protocol ${input.protocols.join(',')}; these do: ${offered.join(', ')}`);
  }
  return targets;
}
