import { describe, expect, it } from 'vitest';
import { createRedactor, secretForms } from './redactor.ts';

const SECRET = 'sk-canary-0123456789abcdef';
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('createRedactor', () => {
  const redactor = createRedactor([SECRET, 'p@ss word/1', undefined, 'ab']);

  it('removes a secret, its URL-encoded and base64 forms', () => {
    for (const form of [SECRET, encodeURIComponent('p@ss word/1'), b64(SECRET), Buffer.from(SECRET).toString('base64url')]) {
      expect(redactor.text(`before ${form} after`)).toBe('before [redacted] after');
    }
  });

  it('removes a secret base64-encoded inside a longer text at any alignment (Basic auth)', () => {
    for (const prefix of ['', 'u:', 'us:', 'use:']) {
      const out = redactor.text(`Basic ${b64(`${prefix}${SECRET}`)}`);
      expect(out).toContain('[redacted]');
      for (const form of secretForms(SECRET).filter((entry) => entry.length >= 8)) expect(out).not.toContain(form);
    }
  });

  it('removes URL userinfo and key-carrying query parameters from URLs inside text', () => {
    const out = redactor.text('--base-url=http://alice:hunter22@10.0.0.1:8080/v1?api_key=QK123&model=m');
    expect(out).not.toMatch(/alice|hunter22|QK123/);
    expect(out).toContain('model=m');
  });

  it('ignores secrets too short to search for, and redacts deep values and keys', () => {
    expect(redactor.text('ab cd')).toBe('ab cd');
    expect(redactor.deep({ [SECRET]: [{ x: `Bearer ${SECRET}` }], n: 3 })).toEqual({ '[redacted]': [{ x: 'Bearer [redacted]' }], n: 3 });
  });
});
