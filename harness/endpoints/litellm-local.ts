import { randomBytes } from 'node:crypto';
import { join, dirname } from 'node:path';
import { startLiteLlm } from './litellm-launcher.ts';
import { startLlamaServer, type RunningServer } from './llama-server-launcher.ts';
import { runSetupScript } from './setup-scripts.ts';
import { inferenceThreads } from './thread-count.ts';

export interface LiteLlmEndpointOptions {
  modelPath: string;
  /** The name the proxy serves (and the llama-server alias behind it). */
  modelName: string;
  /** The proxy's master key (the client's key). */
  masterKey: string;
  /** The proxy's log; llama-server's goes beside it (<name>-upstream.log). */
  logFile: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

/**
 * `--local litellm`: a llama-server with the test model (its own generated key; LLAMA_ARG_* settings
 * from the environment apply as with `--local llama_cpp`), then the LiteLLM proxy installed by scripts/setup/litellm.sh (or
 * LITELLM_BIN) routing `modelName` to it. Stopping the handle stops both, proxy first.
 */
export async function startLiteLlmEndpoint(options: LiteLlmEndpointOptions): Promise<RunningServer> {
  const binary = options.env.LITELLM_BIN ?? (await runSetupScript('litellm.sh'));
  const llamaBinary = options.env.LLAMA_SERVER_BIN ?? (await runSetupScript('llama-server.sh'));
  const upstreamKey = randomBytes(24).toString('hex');
  const upstreamLog = join(dirname(options.logFile), `${options.modelName.replace(/[^\w.-]/g, '_')}-upstream-llama-server.log`);
  options.log(`starting llama-server (${options.modelName}) behind the LiteLLM proxy …`);
  const upstream = await startLlamaServer({
    binary: llamaBinary,
    modelPath: options.modelPath,
    alias: options.modelName,
    logFile: upstreamLog,
    apiKey: upstreamKey,
    threads: inferenceThreads(options.env),
    chatTemplateFile: options.env.LLAMA_CPP_CHAT_TEMPLATE_FILE || undefined,
  });
  let proxy: RunningServer;
  try {
    options.log(`starting the LiteLLM proxy (${options.modelName} → ${upstream.baseUrl}) …`);
    proxy = await startLiteLlm({
      binary,
      route: { modelName: options.modelName, upstreamModel: options.modelName, upstreamBaseUrl: `${upstream.baseUrl}/v1` },
      masterKey: options.masterKey,
      upstreamKey,
      logFile: options.logFile,
      deadlineMs: 180_000,
    });
  } catch (error) {
    await upstream.stop();
    throw error;
  }
  return {
    baseUrl: proxy.baseUrl,
    pid: proxy.pid,
    version: proxy.version,
    logFile: options.logFile,
    upstream: upstream.version ? `llama-server (${upstream.version})` : 'llama-server',
    async stop() {
      await proxy.stop();
      await upstream.stop();
    },
  };
}
