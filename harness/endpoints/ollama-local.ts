import type { RunningServer } from './llama-server-launcher.ts';

/** Placeholder until the Ollama launcher lands: says plainly that it cannot start Ollama. */
export async function startOllamaEndpoint(_options: { modelPath: string; modelName: string; logFile: string; log: (line: string) => void }): Promise<RunningServer> {
  throw new Error('--local ollama is not available: run scripts/setup/ollama.sh first');
}
