import { afterEach, describe, expect, it } from 'vitest';
import { VerifyError } from '../../contract/verify-error.ts';
import { createLoopback } from '../../testing/loopback-listener.ts';
import { createAnthropicMessagesClient } from './client.ts';

const SECRET = 'sk-loopback-secret-0815';
const loopback = createLoopback();
afterEach(loopback.closeAll);

/** A 200 stream whose second event is the protocol's `event: error` (what a gateway sent mid-stream). */
function errorStream(type: string): string {
  const start = { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'm', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 3, output_tokens: 0 } } };
  const error = { type: 'error', error: { type, message: `upstream broke (${SECRET})` } };
  return `event: message_start\ndata: ${JSON.stringify(start)}\n\nevent: error\ndata: ${JSON.stringify(error)}\n\n`;
}

async function streamError(type: string): Promise<VerifyError> {
  const { baseUrl } = await loopback.listen({ status: 200, body: errorStream(type), type: 'text/event-stream' });
  const client = await createAnthropicMessagesClient({ protocol: 'anthropic-messages', baseUrl, apiKey: SECRET, timeoutMs: 5000, maxRetries: 0 });
  try {
    for await (const event of client.stream({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })) void event;
  } catch (error) {
    if (error instanceof VerifyError) return error;
    throw error;
  }
  throw new Error('the stream ended without an error');
}

describe('anthropic-messages stream error events (loopback stub, not live-verified here)', () => {
  it("reports an in-stream api_error as the server's error (infra), with no invented HTTP status and the key redacted", async () => {
    const error = await streamError('api_error');
    expect({ kind: error.kind, layer: error.layer, status: error.status }).toEqual({ kind: 'server', layer: 'infra', status: undefined });
    expect(error.message).toContain('stream event error, type api_error');
    expect(error.message).not.toContain(SECRET);
  });

  it('maps the protocol-defined error types, and an unknown type to the protocol layer', async () => {
    expect((await streamError('overloaded_error')).kind).toBe('server');
    expect((await streamError('invalid_request_error')).layer).toBe('protocol');
    expect(await streamError('made_up_error')).toMatchObject({ kind: 'unknown', layer: 'protocol' });
  });
});
