import { unwatchPid, watchPid } from './watchdog.ts';

/**
 * Every server process the harness starts registers a stop function here, so that a normal exit,
 * SIGINT or SIGTERM stops it by PID; and its pid goes to the watchdog, which stops it when the
 * harness dies without a chance to (kill -9). No orphan servers.
 */
type Stopper = { pid: number; stopNow: () => void };

const running = new Map<number, Stopper>();
let installed = false;

function stopAllNow(): void {
  for (const stopper of running.values()) {
    try {
      stopper.stopNow();
    } catch {
      // already gone
    }
  }
  running.clear();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves once none of `pids` is alive (our children are reaped while this waits), or after `deadlineMs`. */
export async function waitUntilGone(pids: readonly number[], deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
}

/** How long a signal's clean-up waits for the stopped servers to be gone before the harness exits. */
const SIGNAL_GRACE_MS = 5000;

function install(): void {
  if (installed) return;
  installed = true;
  process.once('exit', stopAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      // Real pids only: containers are keyed by negative numbers.
      const pids = [...running.keys()].filter((pid) => pid > 0);
      stopAllNow();
      // Exit only once the servers are gone (their ports closed), then re-raise so the default
      // exit code (128 + n) is kept. A second signal meanwhile ends the harness at once.
      void waitUntilGone(pids, SIGNAL_GRACE_MS).then(() => process.kill(process.pid, signal));
    });
  }
}

export function registerProcess(pid: number, stopNow: () => void): () => void {
  install();
  running.set(pid, { pid, stopNow });
  watchPid(pid);
  return () => {
    running.delete(pid);
    unwatchPid(pid);
  };
}
