import { getLlama, type Llama, type LlamaModel } from 'node-llama-cpp';

export interface LoadedModel {
  llama: Llama;
  model: LlamaModel;
  loadMs: number;
}

let llamaPromise: Promise<Llama> | undefined;
const models = new Map<string, Promise<LoadedModel>>();

/**
 * One llama.cpp instance and one model per GGUF path per process, reused by every test.
 * Uses node-llama-cpp's prebuilt CPU binaries; never builds from source at run time.
 */
export function loadModel(modelPath: string): Promise<LoadedModel> {
  let loaded = models.get(modelPath);
  if (!loaded) {
    loaded = (async () => {
      const started = performance.now();
      llamaPromise ??= getLlama({ gpu: false, build: 'never' });
      const llama = await llamaPromise;
      const model = await llama.loadModel({ modelPath });
      return { llama, model, loadMs: performance.now() - started };
    })();
    models.set(modelPath, loaded);
    loaded.catch(() => models.delete(modelPath));
  }
  return loaded;
}
