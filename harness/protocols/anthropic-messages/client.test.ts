import { readFileSync } from 'node:fs';
import { APIUserAbortError } from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProtocolClient } from '../../contract/protocol-client.ts';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { createLoopback, toSse } from '../../testing/loopback-listener.ts';
import { REDACTED } from '../shared/redact.ts';
import { createAnthropicMessagesClient, toModelListing, toVerifyError } from './client.ts';

const SECRET = 'sk-loopback-secret-4711';

const loopback = createLoopback();
const listen = loopback.listen;
afterEach(loopback.closeAll);

const cannedMessage = {
  id: 'msg_loop',
  type: 'message',
  role: 'assistant',
  model: 'loop-model',
  content: [{ type: 'text', text: 'pong' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 2, output_tokens: 1 },
};

async function client(baseUrl: string): Promise<ProtocolClient> {
  return createAnthropicMessagesClient({ protocol: 'anthropic-messages', baseUrl, apiKey: SECRET, timeoutMs: 5000, maxRetries: 0 });
}

describe('anthropic-messages client', () => {
  it('loopback stub (not live-verified here): POST /v1/messages with anthropic-version, model and key on the wire, key redacted in the transcript', async () => {
    const { seen, baseUrl } = await listen({ status: 200, body: JSON.stringify(cannedMessage) });
    const sdk = await client(baseUrl);
    const response = await sdk.chat({ model: 'loop-model', messages: [{ role: 'system', content: 'sys' }, { role: 'user', content: 'ping' }] });
    expect(response.text).toBe('pong');
    expect(response.usage).toEqual({ input: 2, output: 1 });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url).toBe('/v1/messages');
    expect(seen[0]?.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // @anthropic-ai/sdk 1.x sends apiKey as `Authorization: Bearer` (0.x sent x-api-key): accept either.
    const wireKey = seen[0]?.headers['x-api-key'] ?? seen[0]?.headers.authorization;
    expect(wireKey).toContain(SECRET);
    expect(seen[0]?.body).toMatchObject({ model: 'loop-model', system: 'sys', max_tokens: 1024, messages: [{ role: 'user', content: 'ping' }] });
    const request = sdk.transcript.entries.find((entry) => entry.kind === 'request');
    const recorded = request?.kind === 'request' ? request.headers : {};
    expect(recorded['x-api-key'] ?? recorded.authorization).toBe(REDACTED);
    expect(request?.kind === 'request' && request.headers['anthropic-version']).toBeTruthy();
    expect(JSON.stringify(sdk.transcript.entries)).not.toContain(SECRET);
  });

  it('loopback stub (not live-verified here): lists models from an OpenAI-shaped GET /v1/models', async () => {
    const { seen, baseUrl } = await listen({ status: 200, body: JSON.stringify({ object: 'list', data: [{ id: 'smollm2', object: 'model', owned_by: 'llamacpp' }] }) });
    const sdk = await client(baseUrl);
    expect(await sdk.listModels()).toEqual([{ id: 'smollm2' }]);
    expect(seen[0]?.url).toMatch(/^\/v1\/models/);
    expect(await sdk.health()).toMatchObject({ ok: true });
  });

  it('reads display name and context window from an Anthropic model listing', () => {
    expect(toModelListing({ id: 'claude-x', display_name: 'Claude X', max_input_tokens: 200000 })).toEqual({ id: 'claude-x', displayName: 'Claude X', contextWindow: 200000 });
  });

  it.each([
    [401, 'auth', { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } }],
    [404, 'model_not_found', { type: 'error', error: { type: 'not_found_error', message: 'model: nope' } }],
    [429, 'rate_limit', { type: 'error', error: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your rate limit' } }],
    [500, 'server', { type: 'error', error: { type: 'api_error', message: 'Internal server error' } }],
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
    const { baseUrl } = await listen({ status: 200, body: JSON.stringify(cannedMessage), delayMs: 2000 });
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

  it('refuses temperature (absent from this API version) before anything is sent', async () => {
    const { seen, baseUrl } = await listen({ status: 200, body: JSON.stringify(cannedMessage) });
    const sdk = await client(baseUrl);
    const error = await sdk.chat({ model: 'm', messages: [{ role: 'user', content: 'x' }], temperature: 0 }).catch((e: unknown) => e);
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
    expect(seen[0]?.url).toBe('/v1/messages');
    expect(seen[0]?.body).toMatchObject({ stream: true, model: 'loop-model' });
    expect(events[0]?.type).toBe('start');
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'tool_calls' });
    const recorded = sdk.transcript.entries.flatMap((entry) => (entry.kind === 'stream_event' ? [entry.event] : []));
    expect(recorded).toEqual(raw);
  });
});
