import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSetupScript } from '../harness/endpoints/setup-scripts.ts';
import { startLlamaServer, type RunningServer } from '../harness/endpoints/llama-server-launcher.ts';
import { inferenceThreads } from '../harness/endpoints/thread-count.ts';

/**
 * globalSetup of the unit project, after substrate.setup.ts: starts one llama-server for the
 * *.live.test.ts files and hands its URL over in LLM_VERIFY_LLAMA_URL (test workers start after
 * this and inherit it). The set-up scripts only print the cached paths here (already built).
 * An LLM_VERIFY_LLAMA_URL set by the caller is used as it is.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.LLM_VERIFY_LLAMA_URL) return undefined;
  const binary = process.env.LLAMA_SERVER_BIN ?? (await runSetupScript('llama-server.sh'));
  const model = process.env.LLM_VERIFY_MODEL ?? (await runSetupScript('model.sh'));
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
