import { createServer, type Http2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientConfig } from '../../contract/protocol-client.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { newAttemptLog, withAttemptLog } from '../shared/attempt-log.ts';
import { createBedrockConverseClient } from './client.ts';

/** A cleartext HTTP/2 loopback (the SDK's handler speaks HTTP/2 only) answering from a script of statuses. */
type Step = { status: number; errorType?: string; headers?: Record<string, string> };
let script: Step[] = [];
const seen: Array<{ authorization?: string; amzDate?: string }> = [];
let server: Http2Server;
let baseUrl: string;

const converseOk = { output: { message: { role: 'assistant', content: [{ text: 'ok' }] } }, stopReason: 'end_turn', usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 }, metrics: { latencyMs: 1 } };

async function handle(request: Http2ServerRequest, response: Http2ServerResponse) {
  for await (const _ of request) void _;
  seen.push({ authorization: request.headers.authorization, amzDate: request.headers['x-amz-date'] as string | undefined });
  const step = script.shift() ?? { status: 200 };
  if (step.status === 200) {
    response.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': `req-${seen.length}` });
    return response.end(JSON.stringify(converseOk));
  }
  response.writeHead(step.status, { 'content-type': 'application/json', 'x-amzn-errortype': `${step.errorType ?? 'ServiceUnavailableException'}:http://internal.amazon.com/coral/`, ...step.headers });
  response.end(JSON.stringify({ message: `scripted ${step.status}` }));
}

beforeAll(async () => {
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  script = [];
  seen.length = 0;
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE12345678');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
  vi.stubEnv('AWS_SESSION_TOKEN', undefined);
  vi.stubEnv('AWS_PROFILE', undefined);
  vi.stubEnv('AWS_BEARER_TOKEN_BEDROCK', undefined);
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/llm-verify/aws-config');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/llm-verify/aws-credentials');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const policy = { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 50, maxTotalMs: 5000 };
const config = (retry = policy): ClientConfig => ({ protocol: 'bedrock-converse', baseUrl, region: 'eu-west-3', timeoutMs: 5000, maxRetries: retry.maxRetries, retry });
const request = { model: 'us.amazon.nova-micro-v1:0', messages: [{ role: 'user' as const, content: 'hi' }], maxTokens: 4 };

describe('bedrock-converse retries (the harness\'s, the SDK makes one attempt)', () => {
  it('retries 503 and 429, honours Retry-After, signs every attempt and logs each retry in the cell', async () => {
    script = [{ status: 503 }, { status: 429, errorType: 'ThrottlingException', headers: { 'retry-after': '1' } }, { status: 200 }];
    const client = await createBedrockConverseClient(config());
    const log = newAttemptLog();
    const started = performance.now();
    const response = await withAttemptLog(log, () => client.chat(request));
    expect(response.text).toBe('ok');
    expect(seen).toHaveLength(3);
    expect(seen.every((entry) => entry.authorization?.startsWith('AWS4-HMAC-SHA256 '))).toBe(true);
    expect(log.retries).toMatchObject([
      { attempt: 1, reason: 'HTTP 503', request: 'bedrock-converse' },
      { attempt: 2, reason: 'HTTP 429' },
    ]);
    expect(log.retries[1]?.delayMs).toBeGreaterThanOrEqual(1000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    await client.close();
  });

  it('does not retry a 400; with retries off a 503 is one request, its error the endpoint\'s', async () => {
    script = [{ status: 400, errorType: 'ValidationException' }];
    const client = await createBedrockConverseClient(config());
    const log = newAttemptLog();
    await expect(withAttemptLog(log, () => client.chat(request))).rejects.toBeInstanceOf(VerifyError);
    expect(seen).toHaveLength(1);
    expect(log.retries).toEqual([]);
    await client.close();

    seen.length = 0;
    script = [{ status: 503 }, { status: 200 }];
    const once = await createBedrockConverseClient(config({ ...policy, maxRetries: 0 }));
    const error = await withAttemptLog(newAttemptLog(), () => once.chat(request)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VerifyError);
    expect((error as VerifyError).layer).toBe('infra');
    expect(seen).toHaveLength(1);
    await once.close();
  });
});
