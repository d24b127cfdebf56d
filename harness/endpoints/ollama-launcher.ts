import { rmSync } from 'node:fs';
import { appendFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { freeLoopbackPort } from './free-port.ts';
import { registerProcess } from './process-registry.ts';
import { stopOnce } from './stop-once.ts';

export interface StartOllamaOptions {
  /** Path of the `ollama` binary (scripts/setup/ollama.sh prints it). */
  binary: string;
  /** GGUF file registered as `modelName` with `ollama create`. */
  modelPath: string;
  modelName: string;
  /** Where `ollama serve` and `ollama create` write their output (appended). */
  logFile: string;
  /** How long start-up and model registration may take in all. */
  deadlineMs: number;
  /** Extra Modelfile lines after `FROM` (e.g. a TEMPLATE); none by default. */
  modelfileExtra?: string;
}

export interface RunningOllama {
  /** Server root, e.g. http://127.0.0.1:41234 (no path). */
  baseUrl: string;
  /** What GET /api/version answered. */
  version: string;
  pid: number;
  stop(): Promise<void>;
}

/** Grace period between SIGTERM and SIGKILL. */
const STOP_GRACE_MS = 5000;


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls GET /api/version until it answers, the process exits, or the deadline passes. */
async function waitForVersion(baseUrl: string, deadline: number, exited: () => string | undefined): Promise<string> {
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit !== undefined) throw new Error(`ollama serve exited before answering: ${exit}`);
    try {
      const response = await fetch(`${baseUrl}/api/version`, { signal: AbortSignal.timeout(Math.max(1, Math.min(2000, deadline - Date.now()))) });
      if (response.ok) {
        const body = (await response.json()) as { version?: unknown };
        return typeof body.version === 'string' ? body.version : 'unknown';
      }
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(200);
  }
  throw new Error(`ollama serve did not answer GET /api/version at ${baseUrl} in time (last: ${last})`);
}

/**
 * Starts `ollama serve` on a free loopback port with a private model store and home directory,
 * waits until it answers, and registers `modelPath` as `modelName`. Stop it with `stop()`;
 * it is also stopped when this process exits or gets SIGINT/SIGTERM.
 */
export async function startOllama(options: StartOllamaOptions): Promise<RunningOllama> {
  const deadline = Date.now() + options.deadlineMs;
  const port = await freeLoopbackPort();
  const host = `127.0.0.1:${port}`;
  const baseUrl = `http://${host}`;
  const workDir = await mkdtemp(join(tmpdir(), 'llm-verify-ollama-'));
  const env = {
    OLLAMA_HOST: host,
    OLLAMA_MODELS: join(workDir, 'models'),
    // serve writes its identity key under $HOME/.ollama: keep the user's home untouched.
    HOME: workDir,
    OLLAMA_NUM_PARALLEL: '1',
    OLLAMA_MAX_LOADED_MODELS: '1',
    OLLAMA_NOHISTORY: '1',
  };
  await appendFile(options.logFile, `--- ollama serve on ${host}, models in ${env.OLLAMA_MODELS}\n`);
  const log = { file: options.logFile, append: true } as const;
  const subprocess = execa(options.binary, ['serve'], { env, stdin: 'ignore', stdout: log, stderr: log, reject: false, forceKillAfterDelay: STOP_GRACE_MS });
  // On exit, SIGINT or SIGTERM: stop serve (it stops its runners) and remove its model store.
  const unregister = registerProcess(subprocess.pid ?? -1, () => {
    subprocess.kill('SIGTERM');
    rmSync(workDir, { recursive: true, force: true });
  });
  let exitInfo: string | undefined;
  void subprocess.then((result) => {
    exitInfo = result.failed ? result.shortMessage : `exit code ${String(result.exitCode)}`;
  });

  const stop = stopOnce(subprocess, unregister, workDir);

  try {
    const version = await waitForVersion(baseUrl, deadline, () => exitInfo);
    const modelfile = join(workDir, 'Modelfile');
    await writeFile(modelfile, `FROM ${options.modelPath}\n${options.modelfileExtra ?? ''}`);
    const create = await execa(options.binary, ['create', options.modelName, '-f', modelfile], {
      env,
      stdin: 'ignore',
      stdout: log,
      stderr: log,
      reject: false,
      timeout: Math.max(1, deadline - Date.now()),
    });
    if (create.failed) throw new Error(`ollama create ${options.modelName} failed: ${create.shortMessage} (see ${options.logFile})`);
    return { baseUrl, version, pid: subprocess.pid ?? -1, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
