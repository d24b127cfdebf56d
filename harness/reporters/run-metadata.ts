import { HARNESS_VERSION } from '../version.ts';

/** Facts about one run, stored in results.json and shown in the matrix. */
export interface RunMetadata {
  runId: string;
  harnessVersion: string;
  nodeVersion: string;
  platform: string;
  startedAt: string;
  finishedAt?: string;
  argv: string[];
  filters: Record<string, string[]>;
  /** Server software per provider, when the server reports it (e.g. "llama.cpp 0.5.0-dev (commit de3ff81)"). */
  endpointVersions: Record<string, string>;
  /** Gateway providers: what serves their protocols ("LiteLLM 1.108.7 → llama-server (…)"). */
  gateways?: Record<string, string>;
  /** Providers whose endpoint is not live-verified on this harness's own CI, with why. */
  notLiveVerified: Record<string, string>;
  /** Whether the run finished or was interrupted. */
  complete: boolean;
}

/** What a command knows of a run; the rest of the metadata is the same for every run of this harness. */
export type RunFacts = Omit<RunMetadata, 'harnessVersion' | 'nodeVersion' | 'platform' | 'notLiveVerified'> & {
  /** The wired providers: those not live-verified here are named with why. */
  providers: ReadonlyArray<{ id: string; liveVerifiedHere: true | string }>;
};

/** The run metadata for results.json and the matrix, from the facts of one run (verify, or a rebuild by `matrix`). */
export function buildRunMetadata(facts: RunFacts): RunMetadata {
  const { providers, complete, runId, ...run } = facts;
  return {
    runId,
    harnessVersion: HARNESS_VERSION,
    nodeVersion: process.version,
    platform: `${process.platform}-${process.arch}`,
    ...run,
    notLiveVerified: Object.fromEntries(providers.filter((provider) => provider.liveVerifiedHere !== true).map((provider) => [provider.id, String(provider.liveVerifiedHere)])),
    complete,
  };
}
