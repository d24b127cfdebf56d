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
  /** Providers whose endpoint is not live-verified on this harness's own CI, with why. */
  notLiveVerified: Record<string, string>;
  /** Whether the run finished or was interrupted. */
  complete: boolean;
}
