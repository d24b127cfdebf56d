import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MODEL_FILE, modelCacheDir } from '../../harness/endpoints/embedded-model.ts';
import { startLlamaServer, type RunningServer } from '../../harness/endpoints/llama-server-launcher.ts';
import { inferenceThreads } from '../../harness/endpoints/thread-count.ts';

/** Starts the cached llama-server with the test model and this API key (e2e tests that need their own server). */
export async function startTestLlamaServer(apiKey: string): Promise<RunningServer> {
  const cache = process.env.LLM_VERIFY_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(process.env.HOME ?? tmpdir(), '.cache'), 'llm-verify');
  const binary = process.env.LLAMA_SERVER_BIN ?? join(cache, 'llama-server-de3ff81', 'build', 'bin', 'llama-server');
  const model = process.env.LLM_VERIFY_MODEL ?? join(modelCacheDir(process.env), DEFAULT_MODEL_FILE);
  if (!existsSync(binary) || !existsSync(model)) throw new Error(`these e2e tests need the local substrate: ${binary} and ${model} (npm run setup)`);
  return startLlamaServer({ binary, modelPath: model, alias: 'smollm2-135m-instruct', apiKey, logFile: join(tmpdir(), `llm-verify-e2e-${process.pid}-${Date.now()}.log`), threads: inferenceThreads() });
}
