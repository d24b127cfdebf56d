import { describe, expect, it } from 'vitest';
import { VerifyError } from '../../contract/verify-error.ts';
import { kindFromStatus, normalizeError } from './http-error.ts';

describe('kindFromStatus', () => {
  it.each([
    [401, '', 'auth'],
    [403, 'forbidden', 'auth'],
    [429, 'slow down', 'rate_limit'],
    [404, '', 'model_not_found'],
    [404, 'The model `gpt-9` does not exist', 'model_not_found'],
    [404, 'Not Found: /v1/chat/completion', 'invalid_request'],
    [408, '', 'timeout'],
    [504, 'gateway timeout', 'timeout'],
    [413, 'payload too large', 'context_length'],
    [400, 'the request exceeds the available context size, try increasing it', 'context_length'],
    [400, "This model's maximum context length is 8192 tokens", 'context_length'],
    [400, 'Too many tokens in prompt', 'context_length'],
    [400, 'model "foo" not found, try pulling it first', 'model_not_found'],
    [400, 'invalid model ID', 'model_not_found'],
    [400, 'messages: field required', 'invalid_request'],
    [422, 'unprocessable', 'invalid_request'],
    [500, 'internal error', 'server'],
    [502, '', 'server'],
    [503, 'loading model', 'server'],
    [302, '', 'unknown'],
  ] as const)('%i %j → %s', (status, message, kind) => {
    expect(kindFromStatus(status, message)).toBe(kind);
  });

  it('defaults the message to empty', () => {
    expect(kindFromStatus(404)).toBe('model_not_found');
    expect(kindFromStatus(400)).toBe('invalid_request');
  });
});

describe('normalizeError', () => {
  const where = 'openai-chat POST /chat/completions';

  it('returns a VerifyError unchanged', () => {
    const original = new VerifyError({ kind: 'auth', layer: 'protocol', message: 'x' });
    expect(normalizeError({ error: original, where, status: 500 })).toBe(original);
  });

  it('maps an AbortError (and *Abort* error names) to aborted/transport', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    expect(normalizeError({ error: abort, where })).toMatchObject({ kind: 'aborted', layer: 'transport' });
    const sdkAbort = Object.assign(new Error('Request was aborted.'), { name: 'APIUserAbortError' });
    expect(normalizeError({ error: sdkAbort, where, status: 400 })).toMatchObject({ kind: 'aborted', layer: 'transport' });
  });

  it('finds a network code in the cause chain', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const error = new Error('Connection failed.', { cause: new Error('request to x failed', { cause: inner }) });
    const result = normalizeError({ error, where });
    expect(result).toMatchObject({ kind: 'network', layer: 'transport', status: undefined });
    expect(result.cause).toBe(error);
    expect(normalizeError({ error: new TypeError('fetch failed'), where }).kind).toBe('network');
  });

  it('maps a status to its kind: 5xx and 429 are infra, timeouts transport, others protocol, with the status in the message', () => {
    const server = normalizeError({ error: new Error('boom'), status: 503, where });
    expect(server).toMatchObject({ kind: 'server', layer: 'infra', status: 503, message: `${where}: server (HTTP 503): boom` });
    expect(normalizeError({ error: new Error('slow down'), status: 429, where })).toMatchObject({ kind: 'rate_limit', layer: 'infra' });
    expect(normalizeError({ error: new Error('gateway'), status: 504, where })).toMatchObject({ kind: 'timeout', layer: 'transport' });
    const auth = normalizeError({ error: new Error('bad key'), status: 401, where });
    expect(auth).toMatchObject({ kind: 'auth', layer: 'protocol', status: 401, message: `${where}: auth (HTTP 401): bad key` });
    expect(normalizeError({ error: new Error('context length exceeded'), status: 400, where }).kind).toBe('context_length');
  });

  it('recognizes timeouts without a status', () => {
    expect(normalizeError({ error: new Error('Request timed out.'), where })).toMatchObject({ kind: 'timeout', layer: 'transport' });
    expect(normalizeError({ error: Object.assign(new Error('x'), { name: 'TimeoutError' }), where }).kind).toBe('timeout');
  });

  it('a reset mid-body (undici "terminated" with a socket cause) is network/transport', () => {
    const socket = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    expect(normalizeError({ error: new TypeError('terminated', { cause: socket }), where })).toMatchObject({ kind: 'network', layer: 'transport' });
  });

  it('a SyntaxError from the SDK (the server sent unparsable bytes) is invalid_response/parser', () => {
    const error = new SyntaxError('Error reading response: malformed server-sent event JSON.');
    expect(normalizeError({ error, where })).toMatchObject({ kind: 'invalid_response', layer: 'parser' });
  });

  it('anything else is our own bug: harness_bug/harness, never blamed on the endpoint', () => {
    expect(normalizeError({ error: new TypeError("Cannot read properties of undefined (reading 'map')"), where })).toMatchObject({ kind: 'harness_bug', layer: 'harness' });
    expect(normalizeError({ error: new Error('weird'), where })).toMatchObject({ kind: 'harness_bug', layer: 'harness', message: `${where}: harness_bug: weird` });
    expect(normalizeError({ error: 'a string', where }).message).toBe(`${where}: harness_bug: a string`);
  });

  it('scrubs secrets from the message', () => {
    const error = new Error('401 Incorrect API key provided: sk-live-abcdef123. Key sk-live-abcdef123 is revoked');
    const result = normalizeError({ error, status: 401, secrets: [undefined, 'sk-live-abcdef123'], where });
    expect(result.message).toBe(`${where}: auth (HTTP 401): 401 Incorrect API key provided: [redacted]. Key [redacted] is revoked`);
    expect(result.message).not.toContain('abcdef123');
  });
});
