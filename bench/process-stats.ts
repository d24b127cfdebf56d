import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What one child process tree cost: wall time, CPU (user + system of the whole tree) and peak memory. */
export interface ProcessStats {
  wallMs: number;
  cpuMs: number;
  /** Highest sum of resident memory over the tree's processes, sampled every 20 ms. */
  peakMiB: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

const PAGE_BYTES = 4096;

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function rssBytes(pid: number): number {
  try {
    const resident = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return Number.isFinite(resident) ? resident * PAGE_BYTES : 0;
  } catch {
    return 0;
  }
}

/** Resident bytes of every descendant of `root` (the bash wrapper itself excluded). */
function treeRss(root: number): number {
  let total = 0;
  const stack = childrenOf(root);
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    total += rssBytes(pid);
    stack.push(...childrenOf(pid));
  }
  return total;
}

/** `times` prints the shell's own and its children's user/system time: "0m1.234s 0m0.056s". */
function childCpuMs(timesOutput: string): number {
  const line = timesOutput.trim().split('\n').at(-1) ?? '';
  return line
    .trim()
    .split(/\s+/)
    .map((part) => /^(\d+)m([\d.]+)s$/.exec(part))
    .reduce((sum, match) => sum + (match ? (Number(match[1]) * 60 + Number(match[2])) * 1000 : 0), 0);
}

/**
 * Runs a command under a bash wrapper whose `times` reports the CPU of every process of the tree
 * once reaped (vitest's forked worker included), while the tree's resident memory is sampled.
 */
export function measureProcess(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<ProcessStats> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('bash', ['-c', '"$@"; rc=$?; times >&3; exit $rc', 'bench', command, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let times = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdio[3]?.on('data', (chunk: Buffer) => (times += chunk.toString()));
    let peak = 0;
    const sampler = setInterval(() => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRss(child.pid));
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      resolve({ wallMs: performance.now() - started, cpuMs: childCpuMs(times), peakMiB: peak / 1024 / 1024, exitCode: code ?? -1, stdout, stderr });
    });
  });
}
