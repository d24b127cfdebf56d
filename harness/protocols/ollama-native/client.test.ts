import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { createOllamaNativeClient, toStreamVerifyError } from './client.ts';

/** A loopback HTTP listener standing in for Ollama (not live-verified here: canned answers, real HTTP). */
interface Seen {
  method: string;
  path: string;
  authorization?: string;
  body: unknown;
}

const KEY = 'sk-ollama-secret-1234';
const seen: Seen[] = [];
let server: Server;
let baseUrl: string;

const chatDone = {
  model: 'm',
  created_at: '2026-01-01T00:00:00Z',
  message: { role: 'assistant', content: 'Hi there' },
  done: true,
  done_reason: 'stop',
  prompt_eval_count: 9,
  eval_count: 2,
};

async function readBody(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const part of request) text += String(part);
  return text === '' ? undefined : JSON.parse(text);
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readBody(request);
    seen.push({ method: request.method ?? '', path: request.url ?? '', authorization: request.headers.authorization, body });
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(value));
    };
    const model = (body as { model?: string } | undefined)?.model;
    if (request.url === '/api/chat' && model === 'missing') return json(404, { error: `model "missing" not found, try pulling it first` });
    if (request.url === '/api/chat' && (body as { stream?: boolean }).stream) {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      response.write(JSON.stringify({ model: 'm', created_at: '2026-01-01T00:00:00Z', message: { role: 'assistant', content: 'Hi' }, done: false }) + '\n');
      response.write(JSON.stringify({ model: 'm', created_at: '2026-01-01T00:00:00Z', message: { role: 'assistant', content: ' there' }, done: false }) + '\n');
      response.end(JSON.stringify({ ...chatDone, message: { role: 'assistant', content: '' } }) + '\n');
      return;
    }
    if (request.url === '/api/chat') return json(200, chatDone);
    if (request.url === '/api/version') return json(200, { version: '0.17.4' });
    if (request.url === '/api/tags') return json(200, { models: [{ name: 'm:latest', model: 'm:latest', details: { parameter_size: '135M', quantization_level: 'Q4_1' } }] });
    if (request.url === '/api/show') return json(200, { capabilities: ['completion'], model_info: { 'general.architecture': 'llama', 'llama.context_length': 8192 } });
    json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const config = () => ({ protocol: 'ollama-native' as const, baseUrl, apiKey: KEY, timeoutMs: 5000, maxRetries: 0 });

describe('ollama-native client against a loopback listener (not live-verified here)', () => {
  it('POSTs /api/chat with stream false, options and the bearer key; the transcript redacts the key', async () => {
    const client = await createOllamaNativeClient(config());
    const response = await client.chat({ model: 'm', messages: [{ role: 'user', content: 'hi' }], maxTokens: 8, temperature: 0 });
    expect(response).toMatchObject({ text: 'Hi there', finishReason: 'stop', usage: { input: 9, output: 2 } });
    const last = seen.at(-1);
    expect(last).toMatchObject({ method: 'POST', path: '/api/chat', authorization: `Bearer ${KEY}` });
    expect(last?.body).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }], options: { num_predict: 8, temperature: 0 }, stream: false });
    const request = client.transcript.entries.find((entry) => entry.kind === 'request');
    expect(request).toMatchObject({ kind: 'request', url: `${baseUrl}/api/chat`, headers: { authorization: '[redacted]' } });
    expect(JSON.stringify(client.transcript.entries)).not.toContain(KEY);
  });

  it('streams NDJSON into text deltas, usage and done, and records each raw chunk', async () => {
    const client = await createOllamaNativeClient(config());
    const events: StreamEvent[] = [];
    for await (const event of client.stream({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })) events.push(event);
    expect(events.map((event) => event.type)).toEqual(['start', 'text_delta', 'text_delta', 'usage', 'done']);
    expect(events.at(-1)).toMatchObject({ finishReason: 'stop', rawFinishReason: 'stop' });
    expect((seen.at(-1)?.body as { stream?: boolean }).stream).toBe(true);
    expect(client.transcript.entries.filter((entry) => entry.kind === 'stream_event')).toHaveLength(3);
  });

  it('maps a 404 for an unknown model to model_not_found, without the key in the message', async () => {
    const client = await createOllamaNativeClient(config());
    const error = await client.chat({ model: 'missing', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VerifyError);
    expect(error).toMatchObject({ kind: 'model_not_found', status: 404, layer: 'protocol' });
    expect((error as Error).message).not.toContain(KEY);
  });

  it('rejects a forced tool choice before anything is sent', async () => {
    const client = await createOllamaNativeClient(config());
    const before = seen.length;
    const tools = [{ name: 'f', description: 'f', parameters: { type: 'object', properties: {} } }];
    await expect(client.chat({ model: 'm', messages: [], tools, toolChoice: 'required' })).rejects.toMatchObject({ kind: 'unrepresentable' });
    expect(seen.length).toBe(before);
  });

  it('lists models via /api/tags and /api/show, and checks health via /api/version', async () => {
    const client = await createOllamaNativeClient(config());
    expect(await client.listModels()).toEqual([
      { id: 'm:latest', displayName: 'm:latest (135M Q4_1)', contextWindow: 8192, capabilities: { chat: true, tools: false, reasoning: false, vision: false } },
    ]);
    expect(seen.slice(-2).map((entry) => `${entry.method} ${entry.path}`)).toEqual(['GET /api/tags', 'POST /api/show']);
    expect(await client.health()).toEqual({ ok: true, version: 'ollama 0.17.4' });
  });

  it('reports an aborted call as aborted and a refused connection as a network error', async () => {
    const client = await createOllamaNativeClient(config());
    const controller = new AbortController();
    controller.abort();
    await expect(client.chat({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }, { signal: controller.signal })).rejects.toMatchObject({
      kind: 'aborted',
    });
    const closed = await createOllamaNativeClient({ ...config(), baseUrl: 'http://127.0.0.1:1' });
    await expect(closed.health()).rejects.toMatchObject({ kind: 'network', layer: 'transport' });
  });
});

describe('ollama-native stream errors (what the npm package throws mid-stream)', () => {
  it('a stream without done: true is incomplete_stream [protocol]; an in-band {"error"} is the server failing [infra]; a reset is network [transport]', () => {
    expect(toStreamVerifyError(new Error('Did not receive done or success response in stream.'), 's', undefined)).toMatchObject({ kind: 'incomplete_stream', layer: 'protocol' });
    expect(toStreamVerifyError(new Error('model runner has unexpectedly stopped'), 's', undefined)).toMatchObject({
      kind: 'server',
      layer: 'infra',
      message: 's: the server reported an error in the stream: model runner has unexpectedly stopped',
    });
    const reset = new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    expect(toStreamVerifyError(reset, 's', undefined)).toMatchObject({ kind: 'network', layer: 'transport' });
    expect(toStreamVerifyError(new TypeError('x is not a function'), 's', undefined)).toMatchObject({ layer: 'harness' });
  });
});
