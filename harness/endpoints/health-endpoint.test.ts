import { afterEach, describe, expect, it } from 'vitest';
import { createLoopback } from '../testing/loopback-listener.ts';
import { checkHealthEndpoint } from './health-endpoint.ts';

const loopback = createLoopback();
afterEach(() => loopback.closeAll());

describe('checkHealthEndpoint (loopback listener)', () => {
  it('2xx with the expected body is healthy; the version field is read', async () => {
    const { seen, baseUrl } = await loopback.listen({ status: 200, body: JSON.stringify({ status: 'ok' }) });
    expect(await checkHealthEndpoint({ path: '/health', url: `${baseUrl}/health`, expect: { status: 'ok' } })).toMatchObject({ ok: true });
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/health' });
    const versioned = await loopback.listen({ status: 200, body: JSON.stringify({ version: '0.17.4' }) });
    expect(await checkHealthEndpoint({ path: '/api/version', url: `${versioned.baseUrl}/api/version`, versionField: 'version', versionPrefix: 'ollama' })).toMatchObject({
      ok: true,
      version: 'ollama 0.17.4',
    });
  });

  it('a non-2xx answer is unhealthy, with the status and body in the detail', async () => {
    const { baseUrl } = await loopback.listen({ status: 503, body: JSON.stringify({ error: { code: 503, message: 'Loading model' } }) });
    const health = await checkHealthEndpoint({ path: '/health', url: `${baseUrl}/health`, expect: { status: 'ok' } });
    expect(health.ok).toBe(false);
    expect(health.detail).toContain('HTTP 503');
    expect(health.detail).toContain('Loading model');
  });

  it('a 2xx whose body says something else, or is not JSON, is unhealthy', async () => {
    const wrong = await loopback.listen({ status: 200, body: JSON.stringify({ status: 'loading' }) });
    expect(await checkHealthEndpoint({ path: '/health', url: `${wrong.baseUrl}/health`, expect: { status: 'ok' } })).toMatchObject({ ok: false, detail: expect.stringContaining('"loading"') });
    const html = await loopback.listen({ status: 200, body: '<html>proxy login</html>', type: 'text/html' });
    expect(await checkHealthEndpoint({ path: '/health', url: `${html.baseUrl}/health`, expect: { status: 'ok' } })).toMatchObject({ ok: false, detail: expect.stringContaining('not JSON') });
  });

  it('no answer at all throws a network VerifyError (down, not sick)', async () => {
    await expect(checkHealthEndpoint({ path: '/health', url: 'http://127.0.0.1:9/health' })).rejects.toMatchObject({ kind: 'network', layer: 'transport' });
  });
});
