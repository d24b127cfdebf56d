import { describe, expect, it } from 'vitest';
import { VerifyError, type ErrorKind } from '../contract/verify-error.ts';
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

  it.each<[ErrorKind, 'protocol' | 'transport']>([
    ['auth', 'protocol'],
    ['model_not_found', 'protocol'],
    ['invalid_request', 'protocol'],
    ['context_length', 'protocol'],
    ['server', 'transport'],
    ['network', 'transport'],
    ['unknown', 'protocol'],
  ])('a VerifyError of kind %s is a fail with kind and layer', (kind, layer) => {
    const error = new VerifyError({ kind, layer, message: 'bad', status: 400 });
    expect(classifyOutcome(error)).toEqual({ verdict: 'fail', layer, kind, message: 'bad' });
  });

  it('a plain Error or a thrown value is a harness (infra) error', () => {
    expect(classifyOutcome(new TypeError('x is undefined'))).toEqual({ verdict: 'error', layer: 'infra', message: 'harness error: TypeError: x is undefined' });
    expect(classifyOutcome('oops')).toEqual({ verdict: 'error', layer: 'infra', message: 'harness error: oops' });
    expect(classifyOutcome(null)).toEqual({ verdict: 'error', layer: 'infra', message: 'harness error: null' });
  });
});
