import { basename, resolve } from 'node:path';
import type { ContainerRuntimeClient } from 'testcontainers';
import { startContainerServer } from './container-server.ts';
import { llamaServerVersion, type LlamaServerOptions, type RunningServer } from './llama-server-launcher.ts';
import { ensureScratchImage } from './scratch-image.ts';

/** What a server started in a container adds to a process-launched one. */
export interface RunningContainerServer extends RunningServer {
  containerId: string;
  image: string;
}

const LLAMA_PORT = 8080;

/**
 * `--local llama_cpp --container`: the same llama-server, model and flags as the execa launcher,
 * in a container built FROM scratch with the binary and its shared libraries; the model (and chat
 * template) bind-mounted read-only; the port published on 127.0.0.1. Same /health wait, same
 * deadline, same log file, same stop-on-exit guarantee.
 */
export async function startLlamaServerContainer(
  client: ContainerRuntimeClient,
  options: Omit<LlamaServerOptions, 'port'>,
  log: (line: string) => void,
): Promise<RunningContainerServer> {
  const image = await ensureScratchImage(client, { repository: 'llm-verify/llama-server', binary: options.binary, entrypointName: 'llama-server' }, log);
  const modelTarget = `/models/${basename(options.modelPath)}`;
  const bindMounts: { source: string; target: string; mode: 'ro' }[] = [{ source: resolve(options.modelPath), target: modelTarget, mode: 'ro' }];
  const command = [
    '--model', modelTarget,
    '--alias', options.alias,
    '--host', '0.0.0.0',
    '--port', String(LLAMA_PORT),
    '--ctx-size', String(options.contextSize ?? 4096),
    '--parallel', String(options.parallel ?? 1),
    '--jinja',
    '--no-webui',
  ];
  if (options.threads) command.push('--threads', String(options.threads));
  if (options.chatTemplateFile) {
    const templateTarget = `/templates/${basename(options.chatTemplateFile)}`;
    bindMounts.push({ source: resolve(options.chatTemplateFile), target: templateTarget, mode: 'ro' });
    command.push('--chat-template-file', templateTarget);
  }
  const startedAt = performance.now();
  const started = await startContainerServer({
    image: image.name,
    command,
    port: LLAMA_PORT,
    healthPath: '/health',
    deadlineMs: options.deadlineMs ?? 60_000,
    logFile: options.logFile,
    // The key goes through the container's environment, never its command line or the log.
    environment: options.apiKey ? { LLAMA_API_KEY: options.apiKey } : {},
    bindMounts,
    labels: { 'dev.llm-verify.server': 'llama-server' },
  });
  log(`llama-server container ${started.containerId.slice(0, 12)} (image ${image.name}) on ${started.baseUrl}, ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  return {
    baseUrl: started.baseUrl,
    pid: started.pid,
    version: await llamaServerVersion(options.binary),
    logFile: options.logFile,
    containerId: started.containerId,
    image: image.name,
    stop: started.stop,
  };
}
