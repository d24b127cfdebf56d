import { createServer, type Http2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
// Test only: the AWS SDK's own event-stream codec, to answer ConverseStream in its binary framing.
import { EventStreamCodec } from '@smithy/core/event-streams';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientConfig } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { createBedrockConverseClient } from './client.ts';

/**
 * A loopback listener standing in for the Bedrock runtime: canned answers, real SDK, real SigV4.
 * The SDK's default request handler for bedrock-runtime speaks HTTP/2 only (an HTTP/1.1 listener
 * gets ERR_HTTP2_ERROR), so this is a cleartext HTTP/2 listener from node:http2.
 */
interface Seen {
  method: string;
  path: string;
  authorization?: string;
  amzDate?: string;
  body: unknown;
}

const ACCESS_KEY_ID = 'AKIDEXAMPLE12345678';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const BEARER = 'ABSKQmVkcm9ja0FQSUtleS1leGFtcGxlLXRva2Vu';
const seen: Seen[] = [];
let server: Http2Server;
let baseUrl: string;

const codec = new EventStreamCodec((bytes) => new TextDecoder().decode(bytes), (text) => new TextEncoder().encode(text));
const frame = (eventType: string, payload: unknown) =>
  codec.encode({
    headers: {
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'event' },
    },
    // Bedrock pads each event with a "p" field; the SDK must ignore it.
    body: new TextEncoder().encode(JSON.stringify({ ...(payload as object), p: 'abcdefgh' })),
  });

const converseOk = {
  output: { message: { role: 'assistant', content: [{ text: 'Hello from Bedrock' }] } },
  stopReason: 'end_turn',
  usage: { inputTokens: 11, outputTokens: 4, totalTokens: 15 },
  metrics: { latencyMs: 42 },
};

async function handle(request: Http2ServerRequest, response: Http2ServerResponse) {
  let text = '';
  for await (const part of request) text += String(part);
  const path = decodeURIComponent(request.url);
  seen.push({ method: request.method, path, authorization: request.headers.authorization, amzDate: request.headers['x-amz-date'] as string | undefined, body: text ? JSON.parse(text) : undefined });
  if (path.includes('/model/missing/')) {
    response.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/', 'x-amzn-requestid': 'req-err' });
    return response.end(JSON.stringify({ message: 'The provided model identifier is invalid.' }));
  }
  if (path.includes('/model/denied/')) {
    response.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/' });
    return response.end(JSON.stringify({ message: "You don't have access to the model with the specified model ID." }));
  }
  if (path.startsWith('/async-invoke')) {
    response.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': 'req-health' });
    return response.end(JSON.stringify({ asyncInvokeSummaries: [] }));
  }
  if (path.endsWith('/converse-stream')) {
    response.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': 'req-stream' });
    response.write(frame('messageStart', { role: 'assistant' }));
    response.write(frame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Hi' } }));
    response.write(frame('contentBlockStop', { contentBlockIndex: 0 }));
    response.write(frame('contentBlockStart', { contentBlockIndex: 1, start: { toolUse: { toolUseId: 'tooluse_X', name: 'get_weather' } } }));
    response.write(frame('contentBlockDelta', { contentBlockIndex: 1, delta: { toolUse: { input: '{"city":"Paris"}' } } }));
    response.write(frame('contentBlockStop', { contentBlockIndex: 1 }));
    response.write(frame('messageStop', { stopReason: 'tool_use' }));
    return response.end(frame('metadata', { usage: { inputTokens: 20, outputTokens: 9, totalTokens: 29 }, metrics: { latencyMs: 77 } }));
  }
  response.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': 'req-1' });
  response.end(JSON.stringify(converseOk));
}

beforeAll(async () => {
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Hermetic AWS environment: static keys from env, no profile files, no instance metadata. */
beforeEach(() => {
  vi.stubEnv('AWS_ACCESS_KEY_ID', ACCESS_KEY_ID);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', SECRET_KEY);
  vi.stubEnv('AWS_SESSION_TOKEN', undefined);
  vi.stubEnv('AWS_PROFILE', undefined);
  vi.stubEnv('AWS_BEARER_TOKEN_BEDROCK', undefined);
  vi.stubEnv('AWS_AUTH_SCHEME_PREFERENCE', undefined);
  vi.stubEnv('AWS_REGION', undefined);
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/llm-verify/aws-config');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/llm-verify/aws-credentials');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const config = (overrides: Partial<ClientConfig> = {}): ClientConfig => ({ protocol: 'bedrock-converse', baseUrl, region: 'eu-west-3', timeoutMs: 5000, maxRetries: 0, ...overrides });

describe('bedrock-converse client (loopback recorder — not live-verified here)', () => {
  it('signs POST /model/<modelId>/converse with SigV4 and records a redacted transcript', async () => {
    const client = await createBedrockConverseClient(config());
    const response = await client.chat({ model: 'us.amazon.nova-micro-v1:0', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }], maxTokens: 8 });
    expect(response).toMatchObject({ text: 'Hello from Bedrock', finishReason: 'stop', usage: { input: 11, output: 4, total: 15 }, id: 'req-1' });
    const last = seen.at(-1);
    expect(last?.method).toBe('POST');
    expect(last?.path).toBe('/model/us.amazon.nova-micro-v1:0/converse');
    expect(last?.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/\\d{8}/eu-west-3/bedrock/aws4_request`));
    expect(last?.body).toEqual({ messages: [{ role: 'user', content: [{ text: 'hi' }] }], system: [{ text: 'Be brief.' }], inferenceConfig: { maxTokens: 8 } });
    const request = client.transcript.entries.find((entry) => entry.kind === 'request');
    expect(request).toMatchObject({ method: 'POST', url: `${baseUrl}/model/us.amazon.nova-micro-v1%3A0/converse`, headers: { authorization: '[redacted]' }, body: last?.body });
    const recorded = client.transcript.entries.find((entry) => entry.kind === 'response');
    expect(recorded).toMatchObject({ status: 200, body: { stopReason: 'end_turn' } });
    const transcript = JSON.stringify(client.transcript.entries);
    expect(transcript).not.toContain(SECRET_KEY);
    expect(transcript).not.toContain('Signature=');
    await client.close();
  });

  it('streams POST /model/<modelId>/converse-stream through the SDK event-stream decoder', async () => {
    const client = await createBedrockConverseClient(config());
    const events: StreamEvent[] = [];
    for await (const event of client.stream({ model: 'us.anthropic.claude-haiku-4-5-20251001-v1:0', messages: [{ role: 'user', content: 'weather?' }] })) events.push(event);
    expect(seen.at(-1)?.path).toBe('/model/us.anthropic.claude-haiku-4-5-20251001-v1:0/converse-stream');
    expect(events.map((event) => event.type)).toEqual(['start', 'text_delta', 'tool_call_start', 'tool_call_delta', 'tool_call_end', 'usage', 'done']);
    expect(events.find((event) => event.type === 'tool_call_end')).toMatchObject({ id: 'tooluse_X', name: 'get_weather', arguments: { city: 'Paris' } });
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'tool_calls', rawFinishReason: 'tool_use' });
    const raw = client.transcript.entries.filter((entry) => entry.kind === 'stream_event');
    expect(raw).toHaveLength(8);
    expect(raw[0]).toMatchObject({ event: { messageStart: { role: 'assistant' } } });
    await client.close();
  });

  it('sends a Bedrock API key as a bearer token instead of SigV4, never recording it', async () => {
    const client = await createBedrockConverseClient(config({ apiKey: BEARER }));
    await client.chat({ model: 'us.amazon.nova-lite-v1:0', messages: [{ role: 'user', content: 'hi' }] });
    expect(seen.at(-1)?.authorization).toBe(`Bearer ${BEARER}`);
    expect(JSON.stringify(client.transcript.entries)).not.toContain(BEARER);
    await expect(client.health()).resolves.toMatchObject({ ok: true });
    await client.close();
  });

  it('lets the SDK pick up AWS_BEARER_TOKEN_BEDROCK by itself (bearer auth, no SigV4)', async () => {
    vi.stubEnv('AWS_BEARER_TOKEN_BEDROCK', BEARER);
    const client = await createBedrockConverseClient(config());
    await client.chat({ model: 'us.amazon.nova-micro-v1:0', messages: [{ role: 'user', content: 'hi' }] });
    expect(seen.at(-1)?.authorization).toBe(`Bearer ${BEARER}`);
    expect(JSON.stringify(client.transcript.entries)).not.toContain(BEARER);
    await expect(client.health()).resolves.toMatchObject({ ok: true, detail: expect.stringContaining('ListAsyncInvokes answered HTTP 200') });
    expect(seen.at(-1)).toMatchObject({ method: 'GET', path: '/async-invoke?maxResults=1', authorization: `Bearer ${BEARER}` });
    await client.close();
  });

  it('ignores an apiKey that is the access key id the chain reads itself, and signs with SigV4', async () => {
    const client = await createBedrockConverseClient(config({ apiKey: ACCESS_KEY_ID }));
    await client.chat({ model: 'us.amazon.nova-micro-v1:0', messages: [{ role: 'user', content: 'hi' }] });
    expect(seen.at(-1)?.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
    await client.close();
  });

  it('maps wire errors by exception name: ValidationException (model id) and AccessDeniedException', async () => {
    const client = await createBedrockConverseClient(config());
    const missing = await client.chat({ model: 'missing', messages: [{ role: 'user', content: 'hi' }] }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(VerifyError);
    expect(missing).toMatchObject({ kind: 'model_not_found', status: 400 });
    const denied = await client.chat({ model: 'denied', messages: [{ role: 'user', content: 'hi' }] }).catch((error: unknown) => error);
    expect(denied).toMatchObject({ kind: 'auth', status: 403 });
    const errorEntry = client.transcript.entries.find((entry) => entry.kind === 'response' && entry.status === 400);
    expect(errorEntry).toMatchObject({ body: { error: 'ValidationException' } });
    await client.close();
  });

  it('reports a call aborted by the caller as aborted', async () => {
    const client = await createBedrockConverseClient(config());
    const controller = new AbortController();
    controller.abort();
    await expect(client.chat({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }, { signal: controller.signal })).rejects.toMatchObject({ kind: 'aborted' });
    await client.close();
  });

  it('has no model listing: listModels says so instead of faking one', async () => {
    const client = await createBedrockConverseClient(config());
    await expect(client.listModels()).rejects.toMatchObject({ kind: 'invalid_request', layer: 'protocol', message: expect.stringContaining('ListFoundationModels') });
    await client.close();
  });

  it('health is a real authenticated call (SigV4-signed ListAsyncInvokes); without credentials it is an auth error', async () => {
    const ok = await createBedrockConverseClient(config());
    await expect(ok.health()).resolves.toMatchObject({ ok: true, detail: expect.stringContaining('eu-west-3') });
    expect(seen.at(-1)?.method).toBe('GET');
    expect(seen.at(-1)?.path).toBe('/async-invoke?maxResults=1');
    expect(seen.at(-1)?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=/);
    await ok.close();
    vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', undefined);
    const none = await createBedrockConverseClient(config());
    await expect(none.health()).rejects.toMatchObject({ kind: 'auth', layer: 'infra' });
    await none.close();
  });
});
