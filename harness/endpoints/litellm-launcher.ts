import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { freeLoopbackPort } from './free-port.ts';
import { liteLlmConfig, MASTER_KEY_ENV, UPSTREAM_KEY_ENV, type LiteLlmRoute } from './litellm-config.ts';
import type { RunningServer } from './llama-server-launcher.ts';
import { registerProcess } from './process-registry.ts';

export interface StartLiteLlmOptions {
  /** The venv's `litellm` command (scripts/setup/litellm.sh prints it). */
  binary: string;
  route: LiteLlmRoute;
  /** The key clients must send (general_settings.master_key); starts with "sk-". */
  masterKey: string;
  /** The key the proxy sends upstream. */
  upstreamKey: string;
  /** Where the proxy's output goes (appended). */
  logFile: string;
  deadlineMs: number;
}

/** Grace period between SIGTERM and SIGKILL. */
const STOP_GRACE_MS = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The litellm version installed next to `binary` (the venv's python reads its metadata). */
export async function liteLlmVersion(binary: string): Promise<string | undefined> {
  const python = join(dirname(binary), 'python');
  const result = await execa(python, ['-c', 'from importlib.metadata import version; print(version("litellm"))'], { reject: false, timeout: 30_000 });
  return result.exitCode === 0 && result.stdout.trim() !== '' ? `LiteLLM ${result.stdout.trim()}` : undefined;
}

/** Polls GET /health/liveliness (no key needed) until it answers 200, the process exits, or the deadline passes. */
async function waitForLiveliness(baseUrl: string, deadline: number, exited: () => string | undefined): Promise<void> {
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit !== undefined) throw new Error(`the LiteLLM proxy exited before it was healthy: ${exit}`);
    try {
      const response = await fetch(`${baseUrl}/health/liveliness`, { signal: AbortSignal.timeout(Math.max(1, Math.min(2000, deadline - Date.now()))) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`the LiteLLM proxy did not answer GET ${baseUrl}/health/liveliness in time (last: ${last})`);
}

/**
 * Starts the LiteLLM proxy on a free loopback port with a generated config (in a private temporary
 * folder, holding no secret: the keys reach the process through its environment only), waits for
 * /health/liveliness, and returns a handle that stops it by PID. It is also stopped on exit,
 * SIGINT and SIGTERM.
 */
export async function startLiteLlm(options: StartLiteLlmOptions): Promise<RunningServer> {
  const deadline = Date.now() + options.deadlineMs;
  const port = await freeLoopbackPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const workDir = await mkdtemp(join(tmpdir(), 'llm-verify-litellm-'));
  const configFile = join(workDir, 'config.yaml');
  await writeFile(configFile, liteLlmConfig(options.route), { mode: 0o600 });
  const env = {
    [MASTER_KEY_ENV]: options.masterKey,
    [UPSTREAM_KEY_ENV]: options.upstreamKey,
    // The model cost map ships in the wheel; never fetch it from the internet at start-up.
    LITELLM_LOCAL_MODEL_COST_MAP: 'True',
    LITELLM_TELEMETRY: 'False',
    // Python writes its own caches and history here, not in the user's home.
    HOME: workDir,
    PYTHONUNBUFFERED: '1',
  };
  const log = { file: options.logFile, append: true } as const;
  const args = ['--config', configFile, '--host', '127.0.0.1', '--port', String(port), '--num_workers', '1'];
  const subprocess = execa(options.binary, args, { env, stdin: 'ignore', stdout: log, stderr: log, reject: false, forceKillAfterDelay: STOP_GRACE_MS });
  const pid = subprocess.pid;
  if (pid === undefined) throw new Error(`could not start ${options.binary}`);
  const unregister = registerProcess(pid, () => {
    subprocess.kill('SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
  });
  let exitInfo: string | undefined;
  void subprocess.then((result) => {
    exitInfo = result.signal ? `signal ${result.signal}` : `exit code ${String(result.exitCode)}`;
  });

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      subprocess.kill('SIGTERM');
      await subprocess;
      unregister();
      await rm(workDir, { recursive: true, force: true });
    })();
    return stopped;
  };

  try {
    await waitForLiveliness(baseUrl, deadline, () => exitInfo);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}; see ${options.logFile}`);
  }
  return { baseUrl, pid, version: await liteLlmVersion(options.binary), logFile: options.logFile, stop };
}
