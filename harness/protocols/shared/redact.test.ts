import { describe, expect, it } from 'vitest';
import { REDACTED, redactHeaders, redactSecrets, redactUrl } from './redact.ts';

describe('redactHeaders', () => {
  it('redacts credential headers case-insensitively and lower-cases names', () => {
    expect(
      redactHeaders({
        Authorization: 'Bearer sk-1',
        'X-Api-Key': 'k2',
        'x-goog-api-key': 'k3',
        'API-KEY': 'k4',
        Cookie: 'c',
        'X-Amz-Security-Token': 't',
        'Content-Type': 'application/json',
        'anthropic-version': '2023-06-01',
      }),
    ).toEqual({
      authorization: REDACTED,
      'x-api-key': REDACTED,
      'x-goog-api-key': REDACTED,
      'api-key': REDACTED,
      cookie: REDACTED,
      'x-amz-security-token': REDACTED,
      'content-type': 'application/json',
      'anthropic-version': '2023-06-01',
    });
  });

  it('accepts a Headers object and undefined', () => {
    const headers = new Headers({ AUTHORIZATION: 'Bearer x', Accept: 'text/event-stream' });
    expect(redactHeaders(headers)).toEqual({ authorization: '[redacted]', accept: 'text/event-stream' });
    expect(redactHeaders(undefined)).toEqual({});
  });
});

describe('redactUrl', () => {
  it('replaces key-carrying query parameters and keeps the rest', () => {
    const out = redactUrl('https://generativelanguage.googleapis.com/v1beta/models/g:streamGenerateContent?alt=sse&key=AIzaSecret');
    expect(out).not.toContain('AIzaSecret');
    expect(new URL(out).searchParams.get('key')).toBe(REDACTED);
    expect(new URL(out).searchParams.get('alt')).toBe('sse');
    const others = new URL(redactUrl('http://h/x?api_key=a&apikey=b&access_token=c&model=m'));
    expect([...others.searchParams.entries()]).toEqual([
      ['api_key', REDACTED],
      ['apikey', REDACTED],
      ['access_token', REDACTED],
      ['model', 'm'],
    ]);
  });

  it('leaves URLs without keys unchanged and returns unparsable text as is', () => {
    expect(redactUrl('http://127.0.0.1:8080/v1/models')).toBe('http://127.0.0.1:8080/v1/models');
    expect(redactUrl('not a url')).toBe('not a url');
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redactSecrets('key abcd1234 then abcd1234 and zz-9876', ['abcd1234', 'zz-9876'])).toBe('key [redacted] then [redacted] and [redacted]');
  });

  it('ignores undefined, empty and very short secrets', () => {
    expect(redactSecrets('a b abc', [undefined, '', 'abc'])).toBe('a b abc');
    expect(redactSecrets('abcd', ['abcd'])).toBe('[redacted]');
  });
});
