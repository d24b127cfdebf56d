import type { ContainerRuntimeClient } from 'testcontainers';

/**
 * How the harness uses testcontainers, set before it reads its environment (first client, start,
 * build); a user's own values win.
 * - The reaper (Ryuk) is an image pulled from a registry, which no machine here reaches: it stays
 *   off, and the harness removes its containers itself (the launchers' stop, and the process
 *   registry on exit/SIGINT/SIGTERM).
 * - Servers are published on 127.0.0.1 of the machine running the daemon (a local socket).
 *   testcontainers would reach them through the bridge gateway when it finds /.dockerenv (it
 *   assumes Docker-out-of-Docker), where a loopback-only port does not answer: host is 127.0.0.1.
 */
export function configureTestcontainers(env: NodeJS.ProcessEnv = process.env): void {
  env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  env.TESTCONTAINERS_HOST_OVERRIDE ??= '127.0.0.1';
}

export type ContainerRuntime =
  | { available: true; client: ContainerRuntimeClient; description: string }
  | { available: false; reason: string };

/** The reason cells carry when `--container` is asked for on a machine without a runtime. */
export const NO_CONTAINER_RUNTIME = 'no container runtime';

type RuntimeProbe = () => Promise<ContainerRuntimeClient>;

async function testcontainersProbe(): Promise<ContainerRuntimeClient> {
  configureTestcontainers();
  const { getContainerRuntimeClient } = await import('testcontainers');
  return getContainerRuntimeClient();
}

/**
 * Finds the container runtime testcontainers would use (DOCKER_HOST, ~/.testcontainers.properties,
 * /var/run/docker.sock, rootless sockets). Never throws: no runtime is an answer, with the reason
 * and how to get one, so `--container` cells are `skipped` "no container runtime" — never faked.
 */
export async function detectContainerRuntime(probe: RuntimeProbe = testcontainersProbe): Promise<ContainerRuntime> {
  try {
    const client = await probe();
    const runtime = client.info.containerRuntime;
    return { available: true, client, description: `${runtime.operatingSystem} ${runtime.serverVersion} (${runtime.architecture})` };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      available: false,
      reason: `${NO_CONTAINER_RUNTIME}: ${detail}; install Docker (e.g. apt-get install docker.io, or run scripts/setup/docker.sh as root) and start dockerd, or point DOCKER_HOST at a running daemon`,
    };
  }
}
