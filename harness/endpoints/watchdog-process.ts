/**
 * The watchdog of the harness's server processes, run as its own process (watchdog.ts starts it).
 * It reads "+<pid>" / "-<pid>" lines on stdin, a pipe from the harness. When the pipe closes — the
 * harness exited, or was killed, even with SIGKILL — it stops every pid still listed (SIGTERM,
 * SIGKILL after 3 s) and exits. It is in a process group of its own and ignores the signals a
 * terminal sends the harness's group, so it outlives the harness long enough to do that.
 */
const pids = new Set<number>();
let buffered = '';

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => undefined);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopAll(): Promise<void> {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      pids.delete(pid);
    }
  }
  const deadline = Date.now() + 3000;
  while ([...pids].some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const pid of pids) {
    try {
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  process.exit(0);
}

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  buffered += chunk;
  const lines = buffered.split('\n');
  buffered = lines.pop() ?? '';
  for (const line of lines) {
    const pid = Number(line.slice(1));
    if (!Number.isInteger(pid) || pid <= 0) continue;
    if (line.startsWith('+')) pids.add(pid);
    else if (line.startsWith('-')) pids.delete(pid);
  }
});
process.stdin.on('end', () => void stopAll());
process.stdin.on('error', () => void stopAll());
