import { readFileSync } from 'node:fs';
import { APIUserAbortError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProtocolClient } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { createLoopback, toSse } from '../../testing/loopback-listener.ts';
import { REDACTED } from '../shared/redact.ts';
import { createOpenAIResponsesClient, toVerifyError } from './client.ts';

const SECRET = 'sk-loopback-secret-4711';

const loopback = createLoopback('/v1');
const listen = loopback.listen;
afterEach(loopback.closeAll);

const cannedResponse = {
  id: 'resp_loop',
  object: 'response',
  created_at: 1,
  model: 'loop-model',
  status: 'completed',
  output: [{ type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'pong', annotations: [] }] }],
  usage: { input_tokens: 2, output_tokens: 1, total_tokens: 3 },
};

async function client(baseUrl: string): Promise<ProtocolClient> {
  return createOpenAIResponsesClient({ protocol: 'openai-responses', baseUrl, apiKey: SECRET, timeoutMs: 5000, maxRetries: 0 });
}

describe('openai-responses client', () => {
  it('loopback stub (not live-verified here): POST /v1/responses with model and key on the wire, key redacted in the transcript', async () => {
    const { seen, baseUrl } = await listen({ status: 200, body: JSON.stringify(cannedResponse) });
    const sdk = await client(baseUrl);
    const response = await sdk.chat({ model: 'loop-model', messages: [{ role: 'user', content: 'ping' }] });
    expect(response.text).toBe('pong');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url).toBe('/v1/responses');
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(seen[0]?.body).toMatchObject({ model: 'loop-model', input: [{ type: 'message', role: 'user', content: 'ping' }] });
    const request = sdk.transcript.entries.find((entry) => entry.kind === 'request');
    expect(request?.kind === 'request' && request.headers.authorization).toBe(REDACTED);
    expect(JSON.stringify(sdk.transcript.entries)).not.toContain(SECRET);
  });

  it.each([
    [401, 'auth', { error: { message: 'Invalid API key', type: 'authentication_error' } }],
    [404, 'model_not_found', { error: { message: 'The model `nope` does not exist', type: 'invalid_request_error' } }],
    [429, 'rate_limit', { error: { message: 'Rate limit reached', type: 'rate_limit_error' } }],
    [500, 'server', { error: { message: 'internal failure', type: 'server_error' } }],
  ] as const)('loopback stub (not live-verified here): HTTP %i maps to %s without leaking the key', async (status, kind, body) => {
    const { baseUrl } = await listen({ status, body: JSON.stringify(body) });
    const sdk = await client(baseUrl);
    const error = await sdk.chat({ model: 'nope', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VerifyError);
    expect((error as VerifyError).kind).toBe(kind);
    expect((error as VerifyError).status).toBe(status);
    expect((error as VerifyError).message).not.toContain(SECRET);
  });

  it('loopback stub (not live-verified here): an aborted call is kind aborted', async () => {
    const { baseUrl } = await listen({ status: 200, body: JSON.stringify(cannedResponse), delayMs: 2000 });
    const sdk = await client(baseUrl);
    const controller = new AbortController();
    const pending = sdk.chat({ model: 'm', messages: [{ role: 'user', content: 'x' }] }, { signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect((error as VerifyError).kind).toBe('aborted');
  });

  it('maps the SDK abort error and connection failures', () => {
    expect(toVerifyError(new APIUserAbortError(), 'x', undefined).kind).toBe('aborted');
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(toVerifyError(refused, 'x', undefined).kind).toBe('network');
  });

  it('refuses stop before anything is sent', async () => {
    const { seen, baseUrl } = await listen({ status: 200, body: JSON.stringify(cannedResponse) });
    const sdk = await client(baseUrl);
    const error = await sdk.chat({ model: 'm', messages: [{ role: 'user', content: 'x' }], stop: ['.'] }).catch((e: unknown) => e);
    expect((error as VerifyError).kind).toBe('unrepresentable');
    expect(seen).toHaveLength(0);
  });
  it('loopback replay of events recorded from llama-server: stream records every raw SDK event in the transcript', async () => {
    const raw = JSON.parse(readFileSync(new URL('./fixtures/tool-stream.json', import.meta.url), 'utf8')) as Array<{ type: string }>;
    const sse = toSse(raw);
    const { seen, baseUrl } = await listen({ status: 200, body: sse, type: 'text/event-stream' });
    const sdk = await client(baseUrl);
    const events: StreamEvent[] = [];
    for await (const event of sdk.stream({ model: 'loop-model', messages: [{ role: 'user', content: 'x' }] })) events.push(event);
    expect(seen[0]?.url).toBe('/v1/responses');
    expect(seen[0]?.body).toMatchObject({ stream: true, model: 'loop-model' });
    expect(events[0]?.type).toBe('start');
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'tool_calls' });
    const recorded = sdk.transcript.entries.flatMap((entry) => (entry.kind === 'stream_event' ? [entry.event] : []));
    expect(recorded).toEqual(raw);
  });
});
