import type { RunningServer } from './llama-server-launcher.ts';
import { startOllama } from './ollama-launcher.ts';
import { toolsTemplateModelfile } from './ollama-template.ts';
import { runSetupScript } from './setup-scripts.ts';

/**
 * `--local ollama`: the Ollama binary built by scripts/setup/ollama.sh (or OLLAMA_BIN), started on
 * a free loopback port with a private model store, the test GGUF registered as `modelName`.
 */
export async function startOllamaEndpoint(options: { modelPath: string; modelName: string; logFile: string; log: (line: string) => void }): Promise<RunningServer> {
  const binary = process.env.OLLAMA_BIN ?? (await runSetupScript('ollama.sh'));
  options.log(`starting ollama serve (${options.modelName}) …`);
  const server = await startOllama({ binary, modelPath: options.modelPath, modelName: options.modelName, logFile: options.logFile, deadlineMs: 120_000, modelfileExtra: toolsTemplateModelfile() });
  return { baseUrl: server.baseUrl, pid: server.pid, version: `ollama ${server.version}`, logFile: options.logFile, stop: server.stop };
}
