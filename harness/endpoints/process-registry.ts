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

function install(): void {
  if (installed) return;
  installed = true;
  process.once('exit', stopAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopAllNow();
      // Re-raise so the default exit code (128 + n) is kept.
      process.kill(process.pid, signal);
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
