import { rm } from 'node:fs/promises';

/** What a launched server's stop needs of its execa subprocess (started with `reject: false`). */
export interface StoppableProcess extends PromiseLike<unknown> {
  kill(signal: NodeJS.Signals): boolean;
}

/**
 * The stop of a server the harness launched with a private work folder: SIGTERM (execa's
 * forceKillAfterDelay escalates), wait for the exit, drop it from the process registry, remove the
 * folder. Runs once; every later call returns the same promise.
 */
export function stopOnce(subprocess: StoppableProcess, unregister: () => void, workDir: string): () => Promise<void> {
  let stopped: Promise<void> | undefined;
  return () => {
    stopped ??= (async () => {
      subprocess.kill('SIGTERM');
      await subprocess;
      unregister();
      await rm(workDir, { recursive: true, force: true });
    })();
    return stopped;
  };
}
