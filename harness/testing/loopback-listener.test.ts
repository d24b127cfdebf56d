import { afterEach, describe, expect, it } from 'vitest';
import { createLoopback, toSse } from './loopback-listener.ts';

const loopback = createLoopback('/v1');
afterEach(loopback.closeAll);

describe('loopback listener (test helper)', () => {
  it('records method, path, headers and JSON body, answers the canned reply and appends the path prefix', async () => {
    const { seen, baseUrl } = await loopback.listen({ status: 201, body: '{"ok":true}' });
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const response = await fetch(`${baseUrl}/x`, { method: 'POST', headers: { 'x-test': 'y' }, body: '{"a":1}' });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ ok: true });
    expect(seen).toMatchObject([{ method: 'POST', url: '/v1/x', headers: { 'x-test': 'y' }, body: { a: 1 } }]);
  });

  it('writes SSE frames named by event type', () => {
    expect(toSse([{ type: 'a' }])).toBe('event: a\ndata: {"type":"a"}\n\n');
  });
});
