import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ContainerRuntimeClient } from 'testcontainers';
import type { ProviderDefinition } from '../contract/provider.ts';
import { UsageError } from '../matrix/usage-error.ts';
import { asLiteLlmKey } from './litellm-config.ts';
import { startLlamaServer, type RunningServer } from './llama-server-launcher.ts';
import { runSetupScript } from './setup-scripts.ts';
import { inferenceThreads } from './thread-count.ts';

export interface LaunchedEndpoint {
  providerId: string;
  rootUrl: string;
  /** The key the server checks (the user's key from the provider's env var, else a generated one). */
  apiKey?: string;
  version?: string;
  /** A gateway's backend as the harness started it. */
  upstream?: string;
  /** The model the server serves: its id and the GGUF file it loaded (for the run's model digests). */
  model: { id: string; path: string };
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts the local server of each provider named with `--local`, with an API key (so bad_credentials
 * can be verified), which the handle carries to the plan; nothing is written to the environment.
 * Returns handles to stop them.
 */
export async function launchLocalEndpoints(
  providerIds: readonly string[],
  providers: readonly ProviderDefinition[],
  context: {
    modelPath: () => Promise<string>;
    logDir: string;
    env: NodeJS.ProcessEnv;
    log: (line: string) => void;
    /** `--container`: start each server in a container on this runtime instead of as a process. */
    container?: ContainerRuntimeClient;
  },
): Promise<LaunchedEndpoint[]> {
  const launched: LaunchedEndpoint[] = [];
  for (const id of providerIds) {
    const provider = providers.find((entry) => entry.id === id);
    const launchable = providers.filter((entry) => entry.local).map((entry) => entry.id);
    if (!provider?.local) {
      throw new UsageError(`--local ${id}: the harness can start only ${launchable.join(', ')}`);
    }
    const model = provider.models[0];
    if (!model) throw new UsageError(`--local ${id}: the provider pins no model to serve`);
    // llama-server and the LiteLLM proxy check keys; Ollama has no authentication of its own.
    const apiKeyEnv = provider.local === 'ollama' ? undefined : provider.auth?.envVars[0];
    // The user's key when set (so they know it), else a generated one (LiteLLM's need "sk-").
    const userKey = (apiKeyEnv && context.env[apiKeyEnv]) || randomBytes(24).toString('hex');
    const apiKey = provider.local === 'litellm' ? asLiteLlmKey(userKey) : userKey;
    const logFile = join(context.logDir, `${id}-server.log`);
    mkdirSync(context.logDir, { recursive: true });
    let server: RunningServer;
    if (provider.local === 'litellm') {
      if (context.container) throw new UsageError(`--local ${id} --container: the LiteLLM proxy runs as a process only; drop --container`);
      const { startLiteLlmEndpoint } = await import('./litellm-local.ts');
      server = await startLiteLlmEndpoint({ modelPath: await context.modelPath(), modelName: model.id, masterKey: apiKey, logFile, env: context.env, log: context.log });
    } else if (provider.local === 'llama-server') {
      const binary = context.env.LLAMA_SERVER_BIN ?? (await runSetupScript('llama-server.sh'));
      const modelPath = await context.modelPath();
      const options = { binary, modelPath, alias: model.id, logFile, apiKey: apiKeyEnv ? apiKey : undefined, threads: inferenceThreads(context.env), chatTemplateFile: context.env.LLAMA_CPP_CHAT_TEMPLATE_FILE || undefined };
      if (context.container) {
        const { startLlamaServerContainer } = await import('./container-launcher.ts');
        context.log(`starting llama-server (${model.id}) in a container …`);
        server = await startLlamaServerContainer(context.container, options, context.log);
      } else {
        context.log(`starting llama-server (${model.id}) …`);
        server = await startLlamaServer(options);
      }
    } else if (context.container) {
      const { startOllamaContainer } = await import('./ollama-container.ts');
      const binary = context.env.OLLAMA_BIN ?? (await runSetupScript('ollama.sh'));
      context.log(`starting ollama serve (${model.id}) in a container …`);
      server = await startOllamaContainer(context.container, { binary, modelPath: await context.modelPath(), modelName: model.id, logFile, deadlineMs: 120_000, threads: inferenceThreads(context.env) }, context.log);
    } else {
      const { startOllamaEndpoint } = await import('./ollama-local.ts');
      server = await startOllamaEndpoint({ modelPath: await context.modelPath(), modelName: model.id, logFile, log: context.log });
    }
    context.log(`${id}: ${server.baseUrl} (${server.version ?? 'version unknown'}), log ${logFile}`);
    launched.push({
      providerId: id,
      rootUrl: server.baseUrl,
      apiKey: apiKeyEnv ? apiKey : undefined,
      version: server.version,
      upstream: server.upstream,
      model: { id: model.id, path: await context.modelPath() },
      logFile,
      stop: server.stop,
    });
  }
  return launched;
}
