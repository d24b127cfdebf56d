import { describe, expect, it } from 'vitest';
import { CheckFailure, VerdictSignal, harnessCheck, modelCheck, parserCheck, protocolCheck } from './check-failure.ts';

function thrownBy(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('checks', () => {
  it.each([
    ['protocol', protocolCheck],
    ['model', modelCheck],
    ['parser', parserCheck],
    ['harness', harnessCheck],
  ] as const)('%sCheck throws a CheckFailure in its layer when the condition is falsy', (layer, check) => {
    for (const falsy of [false, 0, '', null, undefined]) {
      const error = thrownBy(() => check(falsy, `${layer} broke`));
      expect(error).toBeInstanceOf(CheckFailure);
      expect(error).toMatchObject({ name: 'CheckFailure', layer, message: `${layer} broke` });
    }
  });

  it('does not throw when the condition holds', () => {
    expect(thrownBy(() => protocolCheck(true, 'x'))).toBeUndefined();
    expect(thrownBy(() => modelCheck(1, 'x'))).toBeUndefined();
    expect(thrownBy(() => parserCheck('text', 'x'))).toBeUndefined();
  });
});

describe('error classes', () => {
  it('CheckFailure is an Error with a layer', () => {
    const error = new CheckFailure('model', 'wrong answer');
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.layer, error.message]).toEqual(['CheckFailure', 'model', 'wrong answer']);
  });

  it('VerdictSignal is an Error with a verdict and the reason as message', () => {
    const signal = new VerdictSignal('unsupported', 'server has no tools');
    expect(signal).toBeInstanceOf(Error);
    expect(signal).not.toBeInstanceOf(CheckFailure);
    expect([signal.name, signal.verdict, signal.message]).toEqual(['VerdictSignal', 'unsupported', 'server has no tools']);
  });
});
