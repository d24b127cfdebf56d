import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProtocolClient } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { startOllama, type RunningOllama } from '../../endpoints/ollama-launcher.ts';
import { createOllamaNativeClient } from './client.ts';

const cache = process.env.LLM_VERIFY_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'llm-verify');
const binary = process.env.LLM_VERIFY_OLLAMA_BIN ?? join(cache, 'ollama-v0.17.4', 'bin', 'ollama');
const modelPath = join(cache, 'models', 'SmolLM2-135M-Instruct.Q4_1.gguf');
const ready = existsSync(binary) && existsSync(modelPath);
const reason = existsSync(binary) ? 'test model missing: run scripts/setup/model.sh' : 'ollama binary not installed: run scripts/setup/ollama.sh';
const MODEL = 'smollm2-135m-instruct';

describe.skipIf(!ready)(ready ? 'ollama-native client against a real ollama serve' : `ollama-native live: ${reason}`, () => {
  let ollama: RunningOllama;
  let client: ProtocolClient;

  beforeAll(async () => {
    ollama = await startOllama({ binary, modelPath, modelName: MODEL, logFile: join(tmpdir(), 'ollama-native-live.log'), deadlineMs: 120_000 });
    client = await createOllamaNativeClient({ protocol: 'ollama-native', baseUrl: ollama.baseUrl, timeoutMs: 120_000, maxRetries: 0 });
  }, 150_000);

  afterAll(async () => {
    await ollama?.stop();
  });

  it('reports its version as health', async () => {
    expect(await client.health()).toEqual({ ok: true, version: `ollama ${ollama.version}` });
  });

  it('lists the registered model with /api/show capabilities and context length', async () => {
    const models = await client.listModels();
    expect(models).toContainEqual({
      id: `${MODEL}:latest`,
      displayName: `${MODEL}:latest (134.52M Q4_1)`,
      contextWindow: 8192,
      capabilities: { chat: true, tools: false, reasoning: false, vision: false },
    });
  });

  it('answers /api/chat with text, a finish reason and token counts', async () => {
    const response = await client.chat({ model: MODEL, messages: [{ role: 'user', content: 'Say hello.' }], maxTokens: 4, temperature: 0, seed: 1 });
    expect(response.text.length).toBeGreaterThan(0);
    expect(response.finishReason).toBe('length');
    expect(response.usage?.output).toBe(4);
    expect(response.usage?.input).toBeGreaterThan(0);
  }, 120_000);

  it('streams text deltas, then usage, then done, recording each raw chunk', async () => {
    const mark = client.transcript.mark();
    const events: StreamEvent[] = [];
    for await (const event of client.stream({ model: MODEL, messages: [{ role: 'user', content: 'Say hello.' }], maxTokens: 3, temperature: 0 })) events.push(event);
    const types = events.map((event) => event.type);
    expect(types[0]).toBe('start');
    expect(types.slice(-2)).toEqual(['usage', 'done']);
    expect(types.filter((type) => type === 'text_delta').length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ finishReason: 'length', rawFinishReason: 'length' });
    const chunks = client.transcript.since(mark).filter((entry) => entry.kind === 'stream_event');
    expect(chunks.length).toBe(4); // 3 tokens + the done chunk
  }, 120_000);

  it('refuses tools for a model whose template has none, as an invalid request', async () => {
    const tools = [{ name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }];
    const error = await client.chat({ model: MODEL, messages: [{ role: 'user', content: 'Weather in Paris?' }], tools }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VerifyError);
    expect(error).toMatchObject({ kind: 'invalid_request', status: 400, layer: 'protocol' });
    expect((error as Error).message).toContain('does not support tools');
  });

  it('maps an unknown model to model_not_found', async () => {
    await expect(client.chat({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({
      kind: 'model_not_found',
      status: 404,
    });
  });
});
