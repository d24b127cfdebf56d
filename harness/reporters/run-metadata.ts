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
  /** Model file or image digests per "provider/model", where the run could read them (e.g. "sha256:…" of a GGUF file). */
  modelDigests?: Record<string, string>;
  /** Providers whose endpoint is not live-verified on this harness's own CI, with why. */
  notLiveVerified: Record<string, string>;
  /** Whether the run finished or was interrupted. */
  complete: boolean;
  /** `--repeat N`: independent runs per cell. */
  repeat?: number;
  /** `--shard i/n`: the part of the cells this run holds. */
  shard?: { index: number; count: number };
  /** `--baseline FILE`: the expected-failures file the cells were marked against, its entry count, and the entries this run did not check. */
  baseline?: { file: string; entries: number; unchecked: string[] };
  /** `--fail-on flaky`: flaky cells fail the run (and are JUnit failures). */
  flakyFails?: boolean;
  /** Declared capabilities per "provider/model" (JUnit properties; kept so `merge` can rebuild every report). */
  capabilities?: Record<string, string>;
  /** A run made by `llm-verify merge`: the runs it combines. */
  mergedFrom?: Array<{ runId: string; dir: string; shard?: { index: number; count: number } }>;
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
