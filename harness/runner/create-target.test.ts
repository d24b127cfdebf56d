import { afterEach, describe, expect, it } from 'vitest';
import type { ProtocolClient } from '../contract/protocol-client.ts';
import { createFakeProtocolClient } from '../testing/fake-protocol-client.ts';
import { fakeTargetPlan } from '../testing/fake-target.ts';
import { createLoopback } from '../testing/loopback-listener.ts';
import { createTarget } from './create-target.ts';

const loopback = createLoopback();
afterEach(() => loopback.closeAll());

/** A fake client whose health call (a model listing on every HTTP protocol) is counted. */
function countingClient(): { client: ProtocolClient; calls: () => number } {
  let calls = 0;
  const client = createFakeProtocolClient([]);
  client.health = async () => {
    calls += 1;
    return { ok: true, detail: 'listing answered' };
  };
  return { client, calls: () => calls };
}

describe('createTarget health', () => {
  it("checks the server's own route, then the protocol's health call", async () => {
    const { baseUrl } = await loopback.listen({ status: 200, body: '"I\'m alive!"' });
    const { client, calls } = countingClient();
    const plan = { ...fakeTargetPlan({ list_models: true }), healthEndpoint: { path: '/health', url: `${baseUrl}/health` } };
    const { target } = await createTarget(plan, { connect: async () => client });
    expect(await target.health()).toMatchObject({ ok: true, detail: 'GET /health answered HTTP 200; listing answered' });
    expect(calls()).toBe(1);
  });

  it('takes the own route alone where the provider declares no model listing on the protocol (never a listing it does not serve)', async () => {
    const { baseUrl } = await loopback.listen({ status: 200, body: '"I\'m alive!"' });
    const { client, calls } = countingClient();
    const plan = { ...fakeTargetPlan({ list_models: false }, 'gemini'), healthEndpoint: { path: '/health', url: `${baseUrl}/health` } };
    const { target } = await createTarget(plan, { connect: async () => client });
    const health = await target.health();
    expect(health.ok).toBe(true);
    expect(health.detail).toContain('no protocol health call (the provider declares no model listing on gemini)');
    expect(calls()).toBe(0);
  });

  it('still fails on an unhealthy own route when no listing is declared', async () => {
    const { baseUrl } = await loopback.listen({ status: 503, body: 'down' });
    const { client } = countingClient();
    const plan = { ...fakeTargetPlan({ list_models: false }, 'gemini'), healthEndpoint: { path: '/health', url: `${baseUrl}/health` } };
    const { target } = await createTarget(plan, { connect: async () => client });
    expect(await target.health()).toMatchObject({ ok: false, detail: 'GET /health answered HTTP 503: down' });
  });
});
