import { describe, expect, it } from 'vitest';
import { VerifyError } from '../contract/verify-error.ts';
import openai from '../../providers/openai/provider.ts';
import llamaCpp from '../../providers/llama_cpp/provider.ts';
import { adviseError, adviseGate, describeProblem } from './error-advice.ts';

const endpoint = { rootUrl: 'http://127.0.0.1:8080', source: 'env' as const, credential: { ref: 'llama_cpp', from: 'LLAMA_CPP_API_KEY' }, gate: { action: 'run' as const }, onUnreachable: 'error' as const };

describe('adviseGate', () => {
  it('names the variable to set when a required key is missing', () => {
    const advice = adviseGate(openai, { source: 'default', rootUrl: 'https://api.openai.com', onUnreachable: 'skipped', gate: { action: 'skipped', reason: 'no credentials: set OPENAI_API_KEY' } });
    expect(advice).toMatchObject({ kind: 'missing_credentials' });
    expect(advice?.fix).toContain('set OPENAI_API_KEY');
  });

  it('is undefined for a provider that can run', () => {
    expect(adviseGate(llamaCpp, endpoint)).toBeUndefined();
  });
});

describe('adviseError', () => {
  it('401: the key was rejected, naming the variable that holds it', async () => {
    const advice = await adviseError(new VerifyError({ kind: 'auth', layer: 'protocol', status: 401, message: 'openai-chat: auth (HTTP 401): Invalid API Key' }), { provider: llamaCpp, endpoint });
    expect(advice).toMatchObject({ kind: 'auth', status: 401 });
    expect(advice.fix).toContain('the key was rejected: check LLAMA_CPP_API_KEY');
  });

  it('unrepresentable: nothing was sent; the fix names --protocol', async () => {
    const advice = await adviseError(new VerifyError({ kind: 'unrepresentable', layer: 'protocol', message: 'anthropic-messages cannot carry temperature' }), { provider: llamaCpp, endpoint });
    expect(advice).toMatchObject({ kind: 'unrepresentable' });
    expect(advice.fix).toContain('nothing was sent');
    expect(advice.fix).toContain('--protocol');
  });

  it('401 without a configured key: says which variable to set', async () => {
    const advice = await adviseError(new VerifyError({ kind: 'auth', layer: 'protocol', status: 401, message: 'x' }), { provider: llamaCpp, endpoint: { ...endpoint, credential: undefined } });
    expect(advice.fix).toContain('set LLAMA_CPP_API_KEY');
  });

  it('model not found: lists the models the endpoint serves', async () => {
    const advice = await adviseError(new VerifyError({ kind: 'model_not_found', layer: 'protocol', status: 404, message: 'no such model' }), {
      provider: llamaCpp,
      endpoint,
      model: 'nope',
      listModels: async () => ['smollm2-135m-instruct', 'other'],
    });
    expect(advice.fix).toBe('model "nope" is not served: the endpoint lists: smollm2-135m-instruct, other — pass one with --model');
  });

  it('connection refused: nothing answers, with the provider\'s set-up hint', async () => {
    const advice = await adviseError(new VerifyError({ kind: 'network', layer: 'transport', message: 'ECONNREFUSED' }), { provider: llamaCpp, endpoint });
    expect(advice.fix).toContain('nothing answers at http://127.0.0.1:8080');
    expect(advice.fix).toContain('--local llama_cpp');
  });

  it('anything that is not a VerifyError is our bug (layer harness), never blamed on the endpoint', async () => {
    const advice = await adviseError(new TypeError('x is undefined'), { provider: llamaCpp, endpoint });
    expect(advice).toMatchObject({ kind: 'harness', layer: 'harness' });
  });
});

describe('describeProblem', () => {
  it('leads with the kind and status and does not repeat them from the adapter message', () => {
    expect(describeProblem({ kind: 'auth', status: 401, message: 'openai-chat GET /models: auth (HTTP 401): 401 Invalid API Key', fix: '' })).toBe('auth (HTTP 401): openai-chat GET /models: 401 Invalid API Key');
    expect(describeProblem({ kind: 'missing_credentials', message: 'no credentials for openai', fix: '' })).toBe('missing_credentials: no credentials for openai');
  });
});
