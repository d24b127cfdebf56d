import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { splitUrlCredentials, withUrlCredentials } from './url-credentials.ts';

describe('credentials in a base URL', () => {
  it('are taken out of the URL the SDK sees', () => {
    expect(splitUrlCredentials('http://h:1/v1')).toBeUndefined();
    expect(splitUrlCredentials('http://alice:s%40cret@h:1/v1?api_key=K&tenant=t')).toEqual({
      url: 'http://h:1/v1',
      query: [['api_key', 'K'], ['tenant', 't']],
      basic: `Basic ${Buffer.from('alice:s@cret').toString('base64')}`,
    });
  });

  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    res.end('{}');
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('go back on every request: the query as it was, userinfo as Basic authorization when no key is set', async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const credentials = splitUrlCredentials(`http://bob:pw@${root.slice(7)}/v1?api_key=K`);
    if (!credentials) throw new Error('expected credentials');
    await withUrlCredentials(fetch, credentials, true)(`${credentials.url}/chat?x=1`, { method: 'POST', body: '{}', headers: { authorization: 'Bearer no-key' } });
    await withUrlCredentials(fetch, credentials, false)(`${credentials.url}/models`, { headers: { authorization: 'Bearer real' } });
    expect(seen.map((req) => [req.method, req.url, req.headers.authorization])).toEqual([
      ['POST', '/v1/chat?x=1&api_key=K', `Basic ${Buffer.from('bob:pw').toString('base64')}`],
      ['GET', '/v1/models?api_key=K', 'Bearer real'],
    ]);
  });
});
