import { describe, expect, it } from 'vitest';
import { VerifyError, harnessBug, unrepresentable, type ErrorKind } from '../contract/verify-error.ts';
import { CheckFailure, VerdictSignal } from './check-failure.ts';
import { classifyOutcome } from './classify.ts';

describe('classifyOutcome', () => {
  it('undefined is a pass', () => {
    expect(classifyOutcome(undefined)).toEqual({ verdict: 'pass' });
  });

  it.each(['protocol', 'model', 'parser', 'transport', 'infra'] as const)('a CheckFailure is a fail in its layer (%s)', (layer) => {
    expect(classifyOutcome(new CheckFailure(layer, 'did not hold'))).toEqual({ verdict: 'fail', layer, message: 'did not hold' });
  });

  it('a VerdictSignal carries its verdict and reason', () => {
    expect(classifyOutcome(new VerdictSignal('skipped', 'no server'))).toEqual({ verdict: 'skipped', message: 'no server' });
    expect(classifyOutcome(new VerdictSignal('unsupported', 'no tools'))).toEqual({ verdict: 'unsupported', message: 'no tools' });
  });

  it.each(['timeout', 'rate_limit', 'aborted'] as const)('a VerifyError of kind %s is inconclusive: error', (kind) => {
    const error = new VerifyError({ kind, layer: 'transport', message: `it was ${kind}` });
    expect(classifyOutcome(error)).toEqual({ verdict: 'error', layer: 'transport', kind, message: `it was ${kind}` });
  });

  it.each<[ErrorKind, 'protocol' | 'transport' | 'infra' | 'parser']>([
    ['auth', 'protocol'],
    ['model_not_found', 'protocol'],
    ['invalid_request', 'protocol'],
    ['context_length', 'protocol'],
    ['server', 'infra'],
    ['network', 'transport'],
    ['incomplete_stream', 'protocol'],
    ['invalid_response', 'parser'],
    ['unknown', 'protocol'],
  ])('a VerifyError of kind %s is a fail with kind and layer', (kind, layer) => {
    const error = new VerifyError({ kind, layer, message: 'bad', status: 400 });
    expect(classifyOutcome(error)).toEqual({ verdict: 'fail', layer, kind, message: 'bad' });
  });

  it('a plain Error or a thrown value is a harness error, with the stack of what threw', () => {
    const thrown = new TypeError('x is undefined');
    expect(classifyOutcome(thrown)).toEqual({ verdict: 'error', layer: 'harness', message: 'harness error: TypeError: x is undefined', stack: thrown.stack });
    expect(classifyOutcome('oops')).toEqual({ verdict: 'error', layer: 'harness', message: 'harness error: oops' });
    expect(classifyOutcome(null)).toEqual({ verdict: 'error', layer: 'harness', message: 'harness error: null' });
  });

  it('a VerifyError of layer harness is an error, never a fail, with the stack of its cause', () => {
    const cause = new TypeError("Cannot read properties of undefined (reading 'content')");
    const outcome = classifyOutcome(harnessBug('openai-chat response mapping', cause));
    expect(outcome).toMatchObject({ verdict: 'error', layer: 'harness', kind: 'harness_bug', stack: cause.stack });
    expect(outcome.message).toMatch(/response mapping: harness bug: TypeError/);
  });

  it('a harness check that does not hold is an error with layer harness', () => {
    expect(classifyOutcome(new CheckFailure('harness', 'the tool did not fail'))).toMatchObject({ verdict: 'error', layer: 'harness', message: 'harness: the tool did not fail' });
  });

  it('a request the protocol cannot carry is unsupported', () => {
    expect(classifyOutcome(unrepresentable('x: no top_p'))).toEqual({ verdict: 'unsupported', message: 'x: no top_p' });
  });
});
