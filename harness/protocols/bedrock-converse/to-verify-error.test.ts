import {
  AccessDeniedException,
  ModelTimeoutException,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { toBedrockVerifyError } from './to-verify-error.ts';

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

describe('bedrock-converse toBedrockVerifyError (typed SDK exceptions)', () => {
  it.each([
    [new AccessDeniedException({ message: "You don't have access to the model with the specified model ID.", ...meta(403) }), 'auth', 'protocol'],
    [new ThrottlingException({ message: 'Too many requests, please wait before trying again.', ...meta(429) }), 'rate_limit', 'infra'],
    [new ModelTimeoutException({ message: 'Model has timed out in processing the request.', ...meta(408) }), 'timeout', 'transport'],
    [new ResourceNotFoundException({ message: 'Model not found.', ...meta(404) }), 'model_not_found', 'protocol'],
    [new ValidationException({ message: 'The provided model identifier is invalid.', ...meta(400) }), 'model_not_found', 'protocol'],
    [
      new ValidationException({
        message: "Invocation of model ID anthropic.claude-haiku-4-5-20251001-v1:0 with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.",
        ...meta(400),
      }),
      'model_not_found',
      'protocol',
    ],
    [new ValidationException({ message: 'Malformed input request: extraneous key [foo] is not permitted', ...meta(400) }), 'invalid_request', 'protocol'],
    [new ValidationException({ message: 'Input is too long for requested model.', ...meta(400) }), 'context_length', 'protocol'],
    [new ServiceUnavailableException({ message: 'Service unavailable', $metadata: { httpStatusCode: 503 } }), 'server', 'infra'],
  ])('%s → %s', (error, kind, layer) => {
    const mapped = toBedrockVerifyError(error, 'bedrock-converse test', []);
    expect(mapped.kind).toBe(kind);
    expect(mapped.layer).toBe(layer);
    expect(mapped.message).toContain(error.name);
  });

  it('maps an UnrecognizedClientException (bad key id) by name to auth, and scrubs secrets from the message', () => {
    const error = Object.assign(new Error('The security token included in the request is invalid: SECRETSECRET'), { name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 403 } });
    const mapped = toBedrockVerifyError(error, 'w', ['SECRETSECRET']);
    expect(mapped).toMatchObject({ kind: 'auth', status: 403 });
    expect(mapped.message).not.toContain('SECRETSECRET');
  });

  it('maps a credential-chain failure (no HTTP status) to auth at the infra layer', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    expect(toBedrockVerifyError(error, 'w', [])).toMatchObject({ kind: 'auth', layer: 'infra' });
  });

  it('falls back to the shared status table and to network errors', () => {
    const teapot = Object.assign(new Error('odd'), { name: 'SomethingNew', $metadata: { httpStatusCode: 500 } });
    expect(toBedrockVerifyError(teapot, 'w', [])).toMatchObject({ kind: 'server', layer: 'infra' });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(toBedrockVerifyError(refused, 'w', [])).toMatchObject({ kind: 'network', layer: 'transport' });
  });
});
