import { describe, expect, it } from 'vitest';
import { VerifyError } from '../../contract/verify-error.ts';
import { classifyOutcome } from '../../verdicts/classify.ts';
import { assertRepresentable } from './unrepresentable.ts';

describe('assertRepresentable', () => {
  const fields = [['topP', 'top_p']] as const;

  it('lets a request without the fields through', () => {
    expect(() => assertRepresentable({ model: 'm', messages: [] }, fields, 'p', 'X API')).not.toThrow();
  });

  it('refuses a set field as unrepresentable (the test is unsupported), naming the wire parameter', () => {
    const error = (() => {
      try {
        assertRepresentable({ model: 'm', messages: [], topP: 0.5 }, fields, 'p', 'X API');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(VerifyError);
    expect(classifyOutcome(error).verdict).toBe('unsupported');
    expect(error).toMatchObject({ kind: 'unrepresentable', message: "p: the X API has no 'top_p' parameter; this adapter cannot send ChatRequest.topP" });
  });
});
