import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';

const WATCHDOG = new URL('./watchdog.ts', import.meta.url).href;
const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit').then(() => undefined));
const within = <T>(ms: number, promise: Promise<T>) => Promise.race([promise.then(() => 'done' as const), new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))]);

/** A stand-in harness: watches `pid`, optionally unwatches it, then dies by SIGKILL (no exit handler runs). */
function harness(pid: number, unwatch: boolean): ChildProcess {
  const code = [
    `import { watchPid, unwatchPid } from ${JSON.stringify(WATCHDOG)};`,
    `watchPid(${pid});`,
    unwatch ? `unwatchPid(${pid});` : '',
    // Keep running a moment so the watchdog starts and reads the pipe, then die the hard way.
    `setTimeout(() => process.kill(process.pid, 'SIGKILL'), 1500);`,
  ].join('\n');
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: 'ignore' });
  started.push(child);
  return child;
}

function server(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  started.push(child);
  return child;
}

describe('watchdog (harness side)', () => {
  it('a server the harness watches is stopped when the harness is SIGKILLed', async () => {
    const target = server();
    const parent = harness(target.pid ?? 0, false);
    await exited(parent);
    expect(parent.signalCode).toBe('SIGKILL');
    expect(await within(10_000, exited(target))).toBe('done');
    expect(target.signalCode).toBe('SIGTERM');
  });

  it('a server the harness stopped watching is left alone', async () => {
    const target = server();
    const parent = harness(target.pid ?? 0, true);
    await exited(parent);
    expect(await within(2000, exited(target))).toBe('timeout');
  });
});
