import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientConfig } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { createGeminiClient } from './client.ts';

/** A loopback HTTP listener standing in for the Gemini API: canned answers, real SDK, real HTTP. */
interface Seen {
  method: string;
  url: string;
  apiKey?: string;
  body: unknown;
}

const KEY = 'AIzaSyLOOPBACK-test-key-000000000000';
const seen: Seen[] = [];
let server: Server;
let baseUrl: string;

const answer = {
  candidates: [{ content: { role: 'model', parts: [{ text: 'Hello from Gemini' }] }, finishReason: 'STOP', index: 0 }],
  usageMetadata: { promptTokenCount: 7, candidatesTokenCount: 4, totalTokenCount: 11 },
  modelVersion: 'gemini-2.5-flash',
  responseId: 'resp-abc',
};

async function readBody(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const part of request) text += String(part);
  return text === '' ? undefined : JSON.parse(text);
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readBody(request);
    const url = request.url ?? '';
    const apiKey = request.headers['x-goog-api-key'] as string | undefined;
    seen.push({ method: request.method ?? '', url, apiKey, body });
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      response.end(JSON.stringify(value));
    };
    if (apiKey !== KEY) {
      return json(400, { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT', details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' }] } });
    }
    if (url.includes('models/missing:')) return json(404, { error: { code: 404, message: 'models/missing is not found for API version v1beta, or is not supported for generateContent.', status: 'NOT_FOUND' } });
    if (url.includes(':streamGenerateContent')) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const send = (value: unknown) => response.write(`data: ${JSON.stringify(value)}\r\n\r\n`);
      send({ candidates: [{ content: { role: 'model', parts: [{ text: 'Let me check' }] }, index: 0 }], usageMetadata: { promptTokenCount: 9, totalTokenCount: 9 }, modelVersion: 'gemini-2.5-flash', responseId: 'resp-s' });
      send({
        candidates: [{ content: { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'c2ln' }] }, finishReason: 'STOP', index: 0 }],
        usageMetadata: { promptTokenCount: 9, candidatesTokenCount: 6, totalTokenCount: 15 },
        modelVersion: 'gemini-2.5-flash',
        responseId: 'resp-s',
      });
      return response.end();
    }
    if (url.includes(':generateContent')) return json(200, answer);
    if (/^\/v1(beta)?\/models/.test(url)) {
      // The wire field is supportedGenerationMethods; the SDK exposes it as supportedActions.
      return json(200, {
        models: [
          { name: 'models/gemini-2.5-flash', displayName: 'Gemini 2.5 Flash', inputTokenLimit: 1048576, outputTokenLimit: 65536, supportedGenerationMethods: ['generateContent', 'countTokens'], thinking: true },
          { name: 'models/gemini-embedding-001', displayName: 'Gemini Embedding 001', inputTokenLimit: 2048, supportedGenerationMethods: ['embedContent'] },
        ],
      });
    }
    json(404, { error: { code: 404, message: 'not found', status: 'NOT_FOUND' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const config = (overrides: Partial<ClientConfig> = {}): ClientConfig => ({ protocol: 'gemini', baseUrl, apiKey: KEY, timeoutMs: 5000, maxRetries: 0, ...overrides });

describe('gemini client (loopback recorder — not live-verified here)', () => {
  it('POSTs models/<model>:generateContent with x-goog-api-key and the documented body; the transcript redacts the key', async () => {
    const client = await createGeminiClient(config());
    const response = await client.chat({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }],
      maxTokens: 16,
      temperature: 0,
      seed: 3,
      tools: [{ name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
      toolChoice: 'auto',
    });
    expect(response).toMatchObject({ text: 'Hello from Gemini', finishReason: 'stop', usage: { input: 7, output: 4, total: 11 }, id: 'resp-abc', model: 'gemini-2.5-flash' });
    const last = seen.at(-1);
    expect(last).toMatchObject({ method: 'POST', url: '/v1/models/gemini-2.5-flash:generateContent', apiKey: KEY });
    expect(last?.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      generationConfig: { temperature: 0, maxOutputTokens: 16, seed: 3 },
      tools: [{ functionDeclarations: [{ name: 'get_weather', description: 'Weather', parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } } } }] }],
      toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
    });
    const request = client.transcript.entries.find((entry) => entry.kind === 'request');
    expect(request).toMatchObject({ method: 'POST', url: `${baseUrl}/v1/models/gemini-2.5-flash:generateContent`, headers: { 'x-goog-api-key': '[redacted]' }, body: last?.body });
    expect(client.transcript.entries.find((entry) => entry.kind === 'response')).toMatchObject({ status: 200, body: { responseId: 'resp-abc' } });
    expect(JSON.stringify(client.transcript.entries)).not.toContain(KEY);
  });

  it('streams models/<model>:streamGenerateContent?alt=sse into normalized events with a synthetic call id', async () => {
    const client = await createGeminiClient(config());
    const events: StreamEvent[] = [];
    for await (const event of client.stream({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'weather in Paris?' }] })) events.push(event);
    expect(seen.at(-1)?.url).toBe('/v1/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(events.map((event) => event.type)).toEqual(['start', 'text_delta', 'tool_call_start', 'tool_call_delta', 'tool_call_end', 'usage', 'done']);
    expect(events.find((event) => event.type === 'tool_call_end')).toMatchObject({ id: 'synthesized_0', idSource: 'synthesized', name: 'get_weather', arguments: { city: 'Paris' } });
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'tool_calls' });
    expect(client.transcript.entries.filter((entry) => entry.kind === 'stream_event')).toHaveLength(2);
    // The next turn sends the call back without the synthetic id but with its thought signature.
    await client.chat({
      model: 'gemini-2.5-flash',
      messages: [
        { role: 'user', content: 'weather in Paris?' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'synthesized_0', idSource: 'synthesized', name: 'get_weather', argumentsText: '{"city":"Paris"}' }] },
        { role: 'tool', toolCallId: 'synthesized_0', toolCallIdSource: 'synthesized', name: 'get_weather', content: '18C' },
      ],
    });
    expect((seen.at(-1)?.body as { contents: unknown[] }).contents.slice(1)).toEqual([
      { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'c2ln' }] },
      { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { output: '18C' } } }] },
    ]);
    expect(JSON.stringify(client.transcript.entries)).not.toContain(KEY);
  });

  it('lists chat models (GET /v1/models, the SDK 3.x default API version) and answers health', async () => {
    const client = await createGeminiClient(config());
    expect(await client.listModels()).toEqual([{ id: 'gemini-2.5-flash', displayName: 'Gemini 2.5 Flash', contextWindow: 1048576, capabilities: { reasoning: true } }]);
    expect(seen.at(-1)?.url).toMatch(/^\/v1\/models\?pageSize=100/);
    await expect(client.health()).resolves.toMatchObject({ ok: true });
  });

  it('uses options.apiVersion when the provider pins one (e.g. v1beta)', async () => {
    const client = await createGeminiClient(config({ apiVersion: 'v1beta' }));
    await client.chat({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] });
    expect(seen.at(-1)?.url).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
  });

  it('maps a wrong key (400 API_KEY_INVALID) to auth and an unknown model (404) to model_not_found, without leaking the key', async () => {
    const wrongKey = 'AIzaSyWRONG-key-1111111111111111';
    const bad = await createGeminiClient(config({ apiKey: wrongKey }));
    const error = await bad.chat({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(VerifyError);
    expect(error).toMatchObject({ kind: 'auth', status: 400 });
    expect((error as VerifyError).message).not.toContain(wrongKey);
    expect(JSON.stringify(bad.transcript.entries)).not.toContain(wrongKey);
    const good = await createGeminiClient(config());
    await expect(good.chat({ model: 'missing', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ kind: 'model_not_found', status: 404 });
  });

  it('reports a call aborted by the caller as aborted', async () => {
    const client = await createGeminiClient(config());
    const controller = new AbortController();
    controller.abort();
    await expect(client.chat({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] }, { signal: controller.signal })).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('reports a closed port as a network error', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const client = await createGeminiClient(config({ baseUrl: `http://127.0.0.1:${port}` }));
    await expect(client.chat({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ kind: 'network', layer: 'transport' });
  });
});
