import type { ContainerRuntimeClient } from 'testcontainers';
import { UsageError } from '../matrix/usage-error.ts';
import { detectContainerRuntime, type ContainerRuntime } from './container-runtime.ts';

export interface ContainerChoice {
  /** The `--local` providers to start (all of them, or none when `--container` has no runtime). */
  launch: string[];
  /** The runtime to start them on; absent without `--container`. */
  client?: ContainerRuntimeClient;
  /** Providers that cannot be started, with why: their cells are `skipped` with that reason. */
  unlaunchable: Record<string, string>;
}

/**
 * `--container`: checks it comes with `--local` (exit 2 otherwise) and finds the runtime. Without
 * one the run goes on and the `--local` providers' cells are `skipped` "no container runtime …",
 * never run against whatever else the environment points at, never counted as a pass.
 */
export async function containerRuntimeFor(
  wanted: boolean,
  localIds: readonly string[],
  /** Ids of the providers the harness can start (with a `local` launcher). */
  launchable: readonly string[],
  log: (line: string) => void,
  detect: () => Promise<ContainerRuntime> = () => detectContainerRuntime(),
): Promise<ContainerChoice> {
  if (!wanted) return { launch: [...localIds], unlaunchable: {} };
  if (localIds.length === 0) {
    throw new UsageError('--container starts the servers named with --local in containers: add --local <id> (e.g. --local llama_cpp --container)');
  }
  const runtime = await detect();
  if (!runtime.available) {
    // Names are still checked (exit 2) although nothing is started.
    const unknown = localIds.filter((id) => !launchable.includes(id));
    if (unknown.length > 0) throw new UsageError(`--local ${unknown.join(', ')}: the harness can start only ${launchable.join(', ')}`);
    log(`--container: ${runtime.reason}; ${localIds.join(', ')} cells are skipped`);
    return { launch: [], unlaunchable: Object.fromEntries(localIds.map((id) => [id, runtime.reason])) };
  }
  log(`--container: container runtime ${runtime.description}`);
  return { launch: [...localIds], client: runtime.client, unlaunchable: {} };
}
