import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { freeLoopbackPort } from './free-port.ts';
import { registerProcess } from './process-registry.ts';

export interface LlamaServerOptions {
  binary: string;
  modelPath: string;
  /** The id the server lists and answers to (llama-server --alias). */
  alias: string;
  logFile: string;
  apiKey?: string;
  port?: number;
  contextSize?: number;
  /** Parallel slots. */
  parallel?: number;
  threads?: number;
  deadlineMs?: number;
  /** Jinja chat template file passed as --chat-template-file (e.g. fixtures/chat-templates/*.jinja). */
  chatTemplateFile?: string;
}

export interface RunningServer {
  baseUrl: string;
  pid: number;
  version: string | undefined;
  logFile: string;
  /** A gateway's backend as the harness started it (e.g. "llama-server llama.cpp …"). */
  upstream?: string;
  stop(): Promise<void>;
}

async function waitForHealth(baseUrl: string, deadline: number, exited: () => string | undefined): Promise<void> {
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit) throw new Error(`llama-server exited before it was healthy: ${exit}`);
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`llama-server not healthy at ${baseUrl}/health before the deadline (last: ${last})`);
}

/** Reads `llama-server --version` ("version: 1 (de3ff81)"), without starting a server. */
export async function llamaServerVersion(binary: string): Promise<string | undefined> {
  const result = await execa(binary, ['--version'], { reject: false, all: true, timeout: 10_000 });
  const line = (result.all ?? '').split('\n').find((text) => text.startsWith('version:'));
  return line ? `llama.cpp ${line.replace('version:', '').trim()}` : undefined;
}

/**
 * Starts llama-server on a free loopback port, waits for /health, streams its log to a file and
 * returns a handle that stops it by PID. It is also stopped on exit, SIGINT and SIGTERM.
 */
export async function startLlamaServer(options: LlamaServerOptions): Promise<RunningServer> {
  const port = options.port ?? (await freeLoopbackPort());
  const baseUrl = `http://127.0.0.1:${port}`;
  await mkdir(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const args = [
    '--model', options.modelPath,
    '--alias', options.alias,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--ctx-size', String(options.contextSize ?? 4096),
    '--parallel', String(options.parallel ?? 1),
    '--jinja',
    '--no-webui',
  ];
  if (options.threads) args.push('--threads', String(options.threads));
  if (options.chatTemplateFile) args.push('--chat-template-file', options.chatTemplateFile);
  // The key goes through the environment, so it never shows in `ps` or in logs.
  const env: Record<string, string> = options.apiKey ? { LLAMA_API_KEY: options.apiKey } : {};
  const child: ResultPromise = execa(options.binary, args, { env, reject: false, stdin: 'ignore', stdout: 'pipe', stderr: 'pipe' });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${options.binary}`);

  let exitDescription: string | undefined;
  const finished = child.then((result) => {
    exitDescription = result.signal ? `signal ${result.signal}` : `exit code ${result.exitCode}`;
  });
  const unregister = registerProcess(pid, () => child.kill('SIGKILL'));

  const stop = async () => {
    if (exitDescription === undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await finished;
      clearTimeout(timer);
    }
    unregister();
    log.end();
  };

  try {
    await waitForHealth(baseUrl, Date.now() + (options.deadlineMs ?? 60_000), () => exitDescription);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}; see ${options.logFile}`);
  }
  return { baseUrl, pid, version: await llamaServerVersion(options.binary), logFile: options.logFile, stop };
}
