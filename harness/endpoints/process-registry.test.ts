import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const REGISTRY = new URL('./process-registry.ts', import.meta.url).href;
const started: ChildProcess[] = [];
const serverPids: number[] = [];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const pid of serverPids.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

/**
 * A stand-in harness: starts a server that takes a moment to die on SIGTERM and ignores nothing
 * else, registers it (stop = SIGTERM), prints its pid and waits for a signal.
 */
function harness(): ChildProcess {
  const code = [
    `import { spawn } from 'node:child_process';`,
    `import { registerProcess } from ${JSON.stringify(REGISTRY)};`,
    // The server exits 300 ms after SIGTERM, as a real one closing its sockets does.
    `const server = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => setTimeout(() => process.exit(0), 300)); setInterval(() => {}, 1000)"], { stdio: 'ignore' });`,
    `registerProcess(server.pid, () => server.kill('SIGTERM'));`,
    `setTimeout(() => console.log(String(server.pid)), 300);`,
    `setInterval(() => {}, 1000);`,
  ].join('\n');
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(child);
  return child;
}

describe('process registry', () => {
  it('on SIGTERM the harness exits only after its servers are gone, with the signal as its end', async () => {
    const child = harness();
    const [line] = (await once(createInterface({ input: child.stdout as NodeJS.ReadableStream }), 'line')) as [string];
    const pid = Number(line);
    serverPids.push(pid);
    expect(alive(pid)).toBe(true);
    child.kill('SIGTERM');
    await once(child, 'exit');
    expect(child.signalCode).toBe('SIGTERM');
    // Gone by the time the harness is: nothing left listening after the run ends.
    expect(alive(pid)).toBe(false);
  });
});
