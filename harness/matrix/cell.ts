import type { Capability, DeclaredCapabilities } from '../contract/capability.ts';
import type { ClientConfig, ProtocolId } from '../contract/protocol-client.ts';
import type { HealthEndpoint, ModelSpec, Quirk } from '../contract/provider.ts';
import type { ErrorKind, FailureLayer } from '../contract/verify-error.ts';
import type { AssertionKind } from '../verdicts/verdict.ts';
import type { CellEstimate } from '../cost/cell-cost.ts';
import type { ResolvedPrice } from '../cost/price-of.ts';

/** The settings of a cell's protocol client: plain data, never a secret (the credential is a reference). */
export interface ClientSettings extends Omit<ClientConfig, 'apiKey'> {
  /** Key of the credential in the run's secrets, which reach workers apart from cells. */
  secretRef?: string;
}

/** Credentials of a run by reference: built by the plan, provided to workers on their own channel. */
export type Secrets = Readonly<Record<string, string>>;

/** Everything a worker needs to reach and describe one provider × model × protocol. */
export interface TargetPlan {
  providerId: string;
  providerName: string;
  /** The resolved model: pinned metadata, or what the server's listing said. */
  model: ModelSpec;
  /** What a test can count on: the model's declared capabilities with the protocol's limits merged over. */
  capabilities: DeclaredCapabilities;
  quirks: Quirk[];
  /** Whether requests carry a credential the server checks ("configured"), none is needed, or unknown. */
  auth: 'configured' | 'none' | 'unknown';
  /** A user-facing hint for when the endpoint cannot be reached. */
  setupHint: string;
  /** The server root the target talks to, for messages ("unreachable: <url>"). */
  rootUrl?: string;
  /** What the endpoint being unreachable means for the target's cells (see ProviderEndpoint). */
  onUnreachable: 'error' | 'skipped';
  /** The server's own health route, with its absolute URL. */
  healthEndpoint?: HealthEndpoint & { url: string };
  client: ClientSettings;
  /** What the model costs (USD per million tokens) and where that came from; set by the plan. */
  price?: ResolvedPrice;
}

/** What to do with a cell before running it. */
export type Gate =
  | { action: 'run' }
  | { action: 'unsupported'; reason: string }
  | { action: 'skipped'; reason: string }
  /** Decided before running: the endpoint failed (e.g. its listing answered 401) or could not be reached. */
  | { action: 'fail' | 'error'; reason: string; layer: FailureLayer; kind?: ErrorKind };

/** One provider × model × protocol × test. Plain data: it crosses into vitest workers. */
export interface Cell {
  id: string;
  suite: string;
  test: string;
  provider: string;
  model: string;
  protocol: ProtocolId;
  requires: Capability[];
  tags: string[];
  assertion: AssertionKind;
  gate: Gate;
  /** The whole target, resolved by the plan: the worker never looks the provider up again. */
  target: TargetPlan;
  timeoutMs: number;
  /** What the cell is expected to send, for cost estimates and --budget; set by the plan. */
  estimate?: CellEstimate;
  /** `--repeat N`: independent runs of the cell, aggregated into one verdict (absent: 1). */
  repeat?: number;
  /**
   * Set with `--probe`: the cell runs whatever the model declares, and its verdict is compared with
   * the declaration (drift). `declaredUnsupported` lists required capabilities declared absent.
   */
  probe?: { declaredUnsupported: Capability[] };
}

export function cellId(parts: { suite: string; test: string; provider: string; model: string; protocol: string }): string {
  return `${parts.provider}/${parts.model}/${parts.protocol}/${parts.suite}.${parts.test}`;
}

/** Identifies the endpoint+model+protocol a cell runs against; cells of one target share a client. */
export function targetKey(cell: Pick<Cell, 'provider' | 'model' | 'protocol'>): string {
  return `${cell.provider}/${cell.model}/${cell.protocol}`;
}
