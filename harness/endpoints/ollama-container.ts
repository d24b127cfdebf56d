import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { ContainerRuntimeClient } from 'testcontainers';
import type { RunningContainerServer } from './container-launcher.ts';
import { startContainerServer } from './container-server.ts';
import { ensureScratchImage } from './scratch-image.ts';
import { toolsTemplateModelfile } from './ollama-template.ts';

export interface OllamaContainerOptions {
  /** The `ollama` binary scripts/setup/ollama.sh builds (or OLLAMA_BIN). */
  binary: string;
  modelPath: string;
  modelName: string;
  logFile: string;
  deadlineMs: number;
  /** CPU threads for inference (the Modelfile's num_thread), as for the other launched servers. */
  threads?: number;
}

const OLLAMA_PORT = 11434;

/**
 * `--local ollama --container`: `ollama serve` in a container built FROM scratch with the binary and
 * its shared libraries, a private model store inside the container (gone with it), the test GGUF
 * bind-mounted read-only and registered with `ollama create` run in the container. Ready when
 * GET /api/version answers, as for the execa launcher.
 */
export async function startOllamaContainer(client: ContainerRuntimeClient, options: OllamaContainerOptions, log: (line: string) => void): Promise<RunningContainerServer> {
  const image = await ensureScratchImage(client, { repository: 'llm-verify/ollama', binary: options.binary, entrypointName: 'ollama' }, log);
  const modelTarget = `/models/${basename(options.modelPath)}`;
  const setupDir = await mkdtemp(join(tmpdir(), 'llm-verify-ollama-container-'));
  try {
    const threads = options.threads ? `PARAMETER num_thread ${options.threads}\n` : '';
    await writeFile(join(setupDir, 'Modelfile'), `FROM ${modelTarget}\n${threads}${toolsTemplateModelfile()}`);
    const startedAt = performance.now();
    const started = await startContainerServer({
      image: image.name,
      command: ['serve'],
      port: OLLAMA_PORT,
      healthPath: '/api/version',
      deadlineMs: options.deadlineMs,
      logFile: options.logFile,
      environment: {
        OLLAMA_HOST: `0.0.0.0:${OLLAMA_PORT}`,
        // serve writes its identity key under $HOME/.ollama; both stay inside the container.
        HOME: '/ollama',
        OLLAMA_MODELS: '/ollama/models',
        OLLAMA_NUM_PARALLEL: '1',
        OLLAMA_MAX_LOADED_MODELS: '1',
        OLLAMA_NOHISTORY: '1',
      },
      bindMounts: [
        { source: resolve(options.modelPath), target: modelTarget, mode: 'ro' },
        { source: setupDir, target: '/setup', mode: 'ro' },
      ],
      tmpFs: { '/tmp': 'rw' },
      labels: { 'dev.llm-verify.server': 'ollama' },
    });
    try {
      const created = await started.exec(['/usr/local/bin/ollama', 'create', options.modelName, '-f', '/setup/Modelfile']);
      if (created.exitCode !== 0) {
        throw new Error(`ollama create ${options.modelName} in the container failed (exit ${created.exitCode}): ${created.output.trim().split('\n').at(-1) ?? ''}`);
      }
      const answer = (await (await fetch(`${started.baseUrl}/api/version`, { signal: AbortSignal.timeout(5_000) })).json()) as { version?: unknown };
      const version = typeof answer.version === 'string' ? `ollama ${answer.version}` : undefined;
      log(`ollama container ${started.containerId.slice(0, 12)} (image ${image.name}) on ${started.baseUrl}, ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
      return { baseUrl: started.baseUrl, pid: started.pid, version, logFile: options.logFile, containerId: started.containerId, image: image.name, stop: started.stop };
    } catch (error) {
      await started.stop();
      throw error;
    }
  } finally {
    // The Modelfile was read by `ollama create` (or the start failed): the mount is no longer needed.
    await rm(setupDir, { recursive: true, force: true });
  }
}
