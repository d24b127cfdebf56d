import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { GenericContainer, Wait, type ExecResult, type StartedTestContainer } from 'testcontainers';
import { configureTestcontainers } from './container-runtime.ts';
import { registerProcess } from './process-registry.ts';

export interface ContainerServerOptions {
  image: string;
  /** Arguments after the image's entrypoint. */
  command: string[];
  /** The port the server listens on inside the container (on 0.0.0.0 there). */
  port: number;
  /** GET path answering 200 once the server is ready. */
  healthPath: string;
  deadlineMs: number;
  logFile: string;
  environment?: Record<string, string>;
  bindMounts?: { source: string; target: string; mode: 'ro' | 'rw' }[];
  tmpFs?: Record<string, string>;
  labels?: Record<string, string>;
}

export interface StartedContainerServer {
  /** http://127.0.0.1:<published port> */
  baseUrl: string;
  containerId: string;
  /** Host PID of the server process inside the container. */
  pid: number;
  exec(command: string[]): Promise<ExecResult>;
  stop(): Promise<void>;
}

/** Label on every container the harness starts; `docker ps --filter label=dev.llm-verify.launcher` finds them. */
export const LAUNCHER_LABEL = 'dev.llm-verify.launcher';

/** A GenericContainer that publishes its port on 127.0.0.1 only and reports its id once created. */
class LoopbackServerContainer extends GenericContainer {
  private readonly onCreated: (id: string) => void;

  constructor(image: string, onCreated: (id: string) => void) {
    super(image);
    this.onCreated = onCreated;
  }

  publishOnLoopback(port: number): this {
    this.withExposedPorts(port);
    // testcontainers publishes on every interface; a server holding a test key stays on loopback.
    this.hostConfig.PortBindings = { ...this.hostConfig.PortBindings, [`${port}/tcp`]: [{ HostIp: '127.0.0.1', HostPort: '0' }] };
    return this;
  }

  protected override async containerCreated(containerId: string): Promise<void> {
    this.onCreated(containerId);
  }
}

/**
 * Removes a container synchronously (for process exit and signals, where nothing async runs):
 * a short-lived Node child asks the runtime testcontainers finds to force-remove it.
 */
function removeContainerNow(containerId: string): void {
  const script = `const { getContainerRuntimeClient } = await import(process.argv[1]);
const client = await getContainerRuntimeClient();
await client.container.getById(process.argv[2]).remove({ force: true }).catch(() => {});`;
  spawnSync(process.execPath, ['--input-type=module', '-e', script, import.meta.resolve('testcontainers'), containerId], {
    stdio: 'ignore',
    timeout: 15_000,
    env: { ...process.env, TESTCONTAINERS_RYUK_DISABLED: 'true', TESTCONTAINERS_HOST_OVERRIDE: '127.0.0.1' },
  });
}

/** Registry key of a container: negative (never a real PID), from the first 48 bits of its id. */
function registryKey(containerId: string): number {
  return -Number.parseInt(containerId.slice(0, 12), 16);
}

/**
 * Starts a server container through testcontainers: port published on 127.0.0.1, log streamed to
 * `logFile`, ready when `healthPath` answers 200 (abandoned with the container's last log lines if
 * it exits first). Stopped and removed by `stop()`, and by the process registry on exit, SIGINT and
 * SIGTERM from the moment it is created — Ryuk is off, so no container outlives the run.
 */
export async function startContainerServer(options: ContainerServerOptions): Promise<StartedContainerServer> {
  configureTestcontainers();
  await mkdir(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  let unregister: () => void = () => {};
  const container = new LoopbackServerContainer(options.image, (id) => {
    unregister = registerProcess(registryKey(id), () => removeContainerNow(id));
  })
    .publishOnLoopback(options.port)
    .withCommand(options.command)
    .withEnvironment(options.environment ?? {})
    .withBindMounts(options.bindMounts ?? [])
    .withTmpFs(options.tmpFs ?? {})
    .withLabels({ [LAUNCHER_LABEL]: 'llm-verify', ...options.labels })
    .withLogConsumer((stream: Readable) => stream.pipe(log, { end: false }))
    .withWaitStrategy(Wait.forHttp(options.healthPath, options.port, { abortOnContainerExit: true }).forStatusCode(200))
    .withStartupTimeout(options.deadlineMs);

  let started: StartedTestContainer;
  try {
    started = await container.start();
  } catch (error) {
    // testcontainers stops and removes a container that never became ready.
    unregister();
    log.end();
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`container ${options.image} not healthy at ${options.healthPath}: ${detail}; see ${options.logFile}`);
  }

  const containerId = started.getId();
  const baseUrl = `http://127.0.0.1:${started.getMappedPort(options.port)}`;
  const { getContainerRuntimeClient } = await import('testcontainers');
  const client = await getContainerRuntimeClient();
  const inspect = await client.container.inspect(client.container.getById(containerId));

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      try {
        await started.stop({ timeout: 5_000, remove: true, removeVolumes: true });
      } finally {
        unregister();
        log.end();
      }
    })();
    return stopped;
  };
  return { baseUrl, containerId, pid: inspect.State.Pid, exec: (command) => started.exec(command), stop };
}
