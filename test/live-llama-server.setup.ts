import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLlamaServer, type RunningServer } from '../harness/endpoints/llama-server-launcher.ts';
import { modelCacheDir, DEFAULT_MODEL_FILE } from '../harness/endpoints/embedded-model.ts';
import { inferenceThreads } from '../harness/endpoints/thread-count.ts';

/**
 * globalSetup of the unit project: when the local substrate is installed (always on CI), start one
 * llama-server for the *.live.test.ts files and hand its URL over in LLM_VERIFY_LLAMA_URL (test
 * workers start after this and inherit it). Without the substrate the live files skip and say why.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.LLM_VERIFY_LLAMA_URL) return undefined;
  const cache = process.env.LLM_VERIFY_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(process.env.HOME ?? tmpdir(), '.cache'), 'llm-verify');
  const binary = process.env.LLAMA_SERVER_BIN ?? join(cache, 'llama-server-de3ff81', 'build', 'bin', 'llama-server');
  const model = process.env.LLM_VERIFY_MODEL ?? join(modelCacheDir(process.env), DEFAULT_MODEL_FILE);
  if (!existsSync(binary) || !existsSync(model)) {
    if (process.env.CI === 'true') throw new Error(`CI needs the local substrate: ${binary} and ${model} (run scripts/setup/all.sh)`);
    return undefined;
  }
  const server: RunningServer = await startLlamaServer({
    binary,
    modelPath: model,
    alias: 'smollm2-135m-instruct',
    logFile: join(tmpdir(), `llm-verify-unit-live-${process.pid}.log`),
    threads: inferenceThreads(),
  });
  process.env.LLM_VERIFY_LLAMA_URL = server.baseUrl;
  return () => server.stop();
}
