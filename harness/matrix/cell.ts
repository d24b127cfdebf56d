import type { Capability } from '../contract/capability.ts';
import type { ProtocolId } from '../contract/protocol-client.ts';
import type { AssertionKind } from '../verdicts/verdict.ts';

/** How the harness reaches one provider's endpoint: names of env vars, never their values. */
export interface EndpointPlan {
  /** SDK base URL for this protocol, when known (already joined with the protocol path). */
  baseUrl?: string;
  /** Env var holding the credential, when one is set. The worker reads the value itself. */
  apiKeyEnv?: string;
  region?: string;
  /** Embedded: GGUF path. */
  modelPath?: string;
  /** A user-facing hint for when the endpoint cannot be reached. */
  setupHint: string;
}

/** What to do with a cell before running it. */
export type Gate = { action: 'run' } | { action: 'unsupported'; reason: string } | { action: 'skipped'; reason: string };

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
  endpoint: EndpointPlan;
  timeoutMs: number;
}

export function cellId(parts: { suite: string; test: string; provider: string; model: string; protocol: string }): string {
  return `${parts.provider}/${parts.model}/${parts.protocol}/${parts.suite}.${parts.test}`;
}

/** Identifies the endpoint+model+protocol a cell runs against; cells of one target share a client. */
export function targetKey(cell: Pick<Cell, 'provider' | 'model' | 'protocol'>): string {
  return `${cell.provider}/${cell.model}/${cell.protocol}`;
}
