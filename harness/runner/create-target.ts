import type { ClientConfig, ProtocolClient } from '../contract/protocol-client.ts';
import type { TranscriptEntry } from '../contract/transcript.ts';
import type { Secrets, TargetPlan } from '../matrix/cell.ts';
import { checkHealthEndpoint } from '../endpoints/health-endpoint.ts';
import { createProtocolClient } from '../protocols/registry.ts';
import { emptyTotals, meterClient, totalsSince, type UsageTotals } from './metered-client.ts';
import type { Target } from '../suite/define.ts';

/** Opens a protocol client for a config; the real one loads the protocol's SDK, fakes return scripted clients. */
export type ClientConnector = (config: ClientConfig) => Promise<ProtocolClient>;

/** Where a target stands: each transcript's position (its client and those made with clientWith), and its usage totals. */
export interface TargetMark {
  transcripts: ReadonlyMap<ProtocolClient, number>;
  usage: UsageTotals;
}

export interface TargetHandle {
  target: Target;
  /** Where the target's transcripts and usage stand now. */
  mark(): TargetMark;
  /** Every entry recorded since `mark` by the target's clients (clients made since included), in time order. */
  entriesSince(mark: TargetMark): TranscriptEntry[];
  /** The usage of the model calls made since `mark`. */
  usageSince(mark: TargetMark): UsageTotals;
  /** Closes the target's client and every client made with clientWith(). */
  close(): Promise<void>;
}

export interface CreateTargetOptions {
  /** Credentials by reference (RunPlan.secrets); required when the plan's client carries a secretRef. */
  secrets?: Secrets;
  connect?: ClientConnector;
  /** Wraps every client the target opens (tracing: each request becomes a GenAI span). */
  wrap?: (client: ProtocolClient) => ProtocolClient;
}

/**
 * The Target of a cell, from the plan the cell carries: the runner, the live tests and the fakes
 * all build targets here. The provider is never looked up again.
 */
export async function createTarget(plan: TargetPlan, options: CreateTargetOptions = {}): Promise<TargetHandle> {
  const connect = options.connect ?? createProtocolClient;
  const { secretRef, ...settings } = plan.client;
  const apiKey = secretRef === undefined ? undefined : options.secrets?.[secretRef];
  if (secretRef !== undefined && apiKey === undefined) throw new Error(`harness: the credential "${secretRef}" was not provided to the worker`);
  const config: ClientConfig = { ...settings, apiKey };
  const totals = emptyTotals();
  const wrap = options.wrap ?? ((client: ProtocolClient) => client);
  const client = wrap(await connect(config));
  const extra: ProtocolClient[] = [];
  const target: Target = {
    providerId: plan.providerId,
    providerName: plan.providerName,
    model: plan.model,
    protocol: plan.client.protocol,
    capabilities: plan.capabilities,
    quirks: plan.quirks,
    client: meterClient(client, totals),
    auth: plan.auth,
    async health(options) {
      const own = plan.healthEndpoint ? await checkHealthEndpoint(plan.healthEndpoint, options?.signal) : undefined;
      if (own && !own.ok) return own;
      // The protocols' health calls are model listings: where the provider declares none on this
      // protocol (a gateway serving only generateContent), the server's own route is the health check.
      if (own && plan.capabilities.list_models === false) return { ...own, detail: `${own.detail ?? 'ok'}; no protocol health call (the provider declares no model listing on ${plan.client.protocol})` };
      const protocol = await client.health(options);
      if (!own) return protocol;
      return { ok: protocol.ok, version: own.version ?? protocol.version, detail: [own.detail, protocol.detail].filter(Boolean).join('; ') };
    },
    async clientWith(overrides) {
      const other = wrap(await connect({ ...config, ...overrides }));
      extra.push(other);
      return meterClient(other, totals);
    },
  };
  return {
    target,
    mark() {
      return { transcripts: new Map([client, ...extra].map((entry) => [entry, entry.transcript.mark()])), usage: { ...totals } };
    },
    entriesSince(mark) {
      return [client, ...extra].flatMap((entry) => entry.transcript.since(mark.transcripts.get(entry) ?? 0)).sort((a, b) => a.at - b.at);
    },
    usageSince(mark) {
      return totalsSince(totals, mark.usage);
    },
    async close() {
      await Promise.allSettled([client, ...extra].map((entry) => entry.close()));
    },
  };
}
