import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ContainerRuntimeClient } from 'testcontainers';
import { configureTestcontainers } from './container-runtime.ts';
import { sharedLibrariesOf } from './shared-libraries.ts';

export interface ScratchImageSpec {
  /** Image repository name, e.g. `llm-verify/llama-server`; the tag is a hash of the contents. */
  repository: string;
  /** The server binary, copied to /usr/local/bin/<entrypointName>. */
  binary: string;
  entrypointName: string;
  /** Environment baked into the image (e.g. HOME for a server that writes a key file). */
  env?: Record<string, string>;
}

export interface ScratchImage {
  /** `repository:tag`, the tag being the first 16 hex digits of the contents' sha256. */
  name: string;
  /** Whether this call built it (false: an image with the same contents was already there). */
  built: boolean;
  /** Files in the image: the binary and each shared library `ldd` lists, loader included. */
  files: string[];
}

export function cacheRoot(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.LLM_VERIFY_CACHE ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'llm-verify');
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The Dockerfile of an image holding only the server and what the dynamic loader needs for it. */
export function scratchDockerfile(spec: ScratchImageSpec, libraries: readonly string[]): string {
  const libraryDirs = [...new Set(libraries.map((path) => dirname(path)))];
  const env = { ...spec.env, ...(libraryDirs.length > 0 ? { LD_LIBRARY_PATH: libraryDirs.join(':') } : {}) };
  return [
    '# Built by llm-verify (harness/endpoints/scratch-image.ts): no base image, no registry.',
    'FROM scratch',
    'COPY rootfs/ /',
    ...Object.entries(env).map(([name, value]) => `ENV ${name}=${JSON.stringify(value)}`),
    `LABEL dev.llm-verify.image=${JSON.stringify(spec.repository)}`,
    `ENTRYPOINT ${JSON.stringify([`/usr/local/bin/${spec.entrypointName}`])}`,
    '',
  ].join('\n');
}

/**
 * Builds (once per contents) an image `FROM scratch` with the binary and every shared library `ldd`
 * lists at the same absolute path as on this machine, through testcontainers' Dockerfile build.
 * Nothing is pulled. The image stays for later runs; its tag changes when any file changes.
 */
export async function ensureScratchImage(client: ContainerRuntimeClient, spec: ScratchImageSpec, log: (line: string) => void): Promise<ScratchImage> {
  const libraries = await sharedLibrariesOf(spec.binary);
  const dockerfile = scratchDockerfile(spec, libraries);
  const hash = createHash('sha256').update(dockerfile);
  for (const path of [spec.binary, ...libraries]) hash.update(`${path}\0${await sha256Of(path)}\0`);
  const name = `${spec.repository}:${hash.digest('hex').slice(0, 16)}`;
  const files = [spec.binary, ...libraries];

  const { GenericContainer, ImageName } = await import('testcontainers');
  if (await client.image.exists(ImageName.fromString(name))) return { name, built: false, files };

  const contextsDir = join(cacheRoot(), 'container-images');
  await mkdir(contextsDir, { recursive: true });
  const context = await mkdtemp(join(contextsDir, `${spec.entrypointName}-`));
  try {
    const rootfs = join(context, 'rootfs');
    await mkdir(join(rootfs, 'usr/local/bin'), { recursive: true });
    await copyFile(spec.binary, join(rootfs, 'usr/local/bin', spec.entrypointName));
    for (const library of libraries) {
      await mkdir(join(rootfs, dirname(library)), { recursive: true });
      await copyFile(library, join(rootfs, library));
    }
    await writeFile(join(context, 'Dockerfile'), dockerfile);
    log(`building container image ${name} (FROM scratch: ${spec.entrypointName} + ${libraries.length} shared libraries) …`);
    configureTestcontainers();
    const startedAt = performance.now();
    await GenericContainer.fromDockerfile(context).withCache(true).build(name, { deleteOnExit: false });
    log(`built ${name} in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
    return { name, built: true, files };
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}
