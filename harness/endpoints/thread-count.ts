import { availableParallelism } from 'node:os';

/**
 * CPU threads for in-process inference and harness-launched servers. llama.cpp's worker threads
 * spin while waiting; when they outnumber free cores (another server, a build) a short answer can
 * take 50x longer (measured here: 0.9 s with 1 thread vs 46 s with 2 on a loaded 2-core machine).
 * Default: half the cores, at least one. Override with LLM_VERIFY_THREADS.
 */
export function inferenceThreads(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const configured = Number(env.LLM_VERIFY_THREADS);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return Math.max(1, Math.floor(availableParallelism() / 2));
}
