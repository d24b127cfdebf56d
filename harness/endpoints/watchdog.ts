import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./watchdog-process.ts', import.meta.url));

let watchdog: ChildProcess | undefined;

/** Starts the watchdog once: a detached process holding a pipe to this one (see watchdog-process.ts). */
function started(): ChildProcess | undefined {
  if (watchdog) return watchdog;
  try {
    watchdog = spawn(process.execPath, [SCRIPT], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  } catch {
    return undefined;
  }
  watchdog.on('error', () => {
    watchdog = undefined;
  });
  // Neither the child nor the pipe keeps the harness alive; the pipe closes when the harness ends.
  watchdog.unref();
  (watchdog.stdin as Socket | null)?.unref();
  watchdog.stdin?.on('error', () => undefined);
  return watchdog;
}

/** The watchdog stops this pid if the harness dies without stopping it (kill -9 included). */
export function watchPid(pid: number): void {
  // Only real pids: the registry keys containers with negative numbers, which kill() reads as process groups.
  if (!Number.isInteger(pid) || pid <= 0) return;
  started()?.stdin?.write(`+${pid}\n`);
}

/** The harness stopped this pid itself. */
export function unwatchPid(pid: number): void {
  if (!Number.isInteger(pid) || pid <= 0) return;
  watchdog?.stdin?.write(`-${pid}\n`);
}
