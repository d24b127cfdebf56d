import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./watchdog-process.ts', import.meta.url));
const started: ChildProcess[] = [];

/** A stand-in server: a process that runs until it is killed (optionally ignoring SIGTERM). */
function server(ignoreTerm = false): ChildProcess {
  const code = ignoreTerm ? "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000);" : 'setInterval(() => {}, 1000);';
  const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
  started.push(child);
  return child;
}

function watchdog(): ChildProcess {
  const child = spawn(process.execPath, [SCRIPT], { stdio: ['pipe', 'ignore', 'ignore'] });
  started.push(child);
  return child;
}

const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit').then(() => undefined));
const within = <T>(ms: number, promise: Promise<T>) => Promise.race([promise.then(() => 'done' as const), new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))]);

afterEach(() => {
  // Stop what this test started, by pid.
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('watchdog process', () => {
  it('stops every listed pid when the pipe from the harness closes, then exits', async () => {
    const [first, second] = [server(), server()];
    const dog = watchdog();
    dog.stdin?.write(`+${first.pid}\n+${second.pid}\n`);
    // The harness dies: its end of the pipe closes (as on kill -9).
    await new Promise((resolve) => setTimeout(resolve, 300));
    dog.stdin?.end();
    expect(await within(10_000, Promise.all([exited(first), exited(second), exited(dog)]))).toBe('done');
    expect(first.signalCode).toBe('SIGTERM');
    expect(second.signalCode).toBe('SIGTERM');
  });

  it('leaves alone a pid the harness stopped watching', async () => {
    const kept = server();
    const dog = watchdog();
    dog.stdin?.write(`+${kept.pid}\n`);
    dog.stdin?.write(`-${kept.pid}\n`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    dog.stdin?.end();
    expect(await within(10_000, exited(dog))).toBe('done');
    expect(kept.exitCode).toBeNull();
    expect(kept.signalCode).toBeNull();
  });

  it('a server that ignores SIGTERM gets SIGKILL after the grace period', async () => {
    const stubborn = server(true);
    // Let it install its SIGTERM handler first.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const dog = watchdog();
    dog.stdin?.write(`+${stubborn.pid}\n`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    dog.stdin?.end();
    expect(await within(15_000, exited(stubborn))).toBe('done');
    expect(stubborn.signalCode).toBe('SIGKILL');
  });

  it('ignores the terminal signals sent to the harness group (it must outlive the harness)', async () => {
    const target = server();
    const dog = watchdog();
    dog.stdin?.write(`+${target.pid}\n`);
    // Time to start and install its handlers, even on a loaded machine.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    dog.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dog.exitCode).toBeNull();
    dog.stdin?.end();
    expect(await within(10_000, exited(target))).toBe('done');
  });
});
