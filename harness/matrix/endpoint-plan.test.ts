import { describe, expect, it } from 'vitest';
import type { ProviderDefinition } from '../contract/provider.ts';
import { credentialValue, planProviderEndpoint, type EndpointInputs } from './endpoint-plan.ts';
import { planTarget } from './target-plan.ts';
import { testProvider } from '../testing/provider-fixture.ts';

const provider = (overrides: Partial<ProviderDefinition> = {}): ProviderDefinition =>
  testProvider({
    id: 'local_srv',
    protocols: [{ protocol: 'openai-chat', path: '/v1' }, { protocol: 'anthropic-messages', path: '' }],
    baseUrl: { default: 'http://127.0.0.1:8080', env: 'LOCAL_SRV_BASE_URL' },
    setupHint: 'start the server',
    ...overrides,
  });

const inputs = (overrides: Partial<EndpointInputs> = {}): EndpointInputs => ({ env: {}, launched: {}, ...overrides });

describe('planProviderEndpoint: root URL precedence flag > local > env > default', () => {
  const env = { LOCAL_SRV_BASE_URL: 'http://env:1' };
  const launched = { local_srv: { rootUrl: 'http://launched:2' } };

  it('takes --base-url over everything', () => {
    const plan = planProviderEndpoint(provider(), inputs({ env, launched, baseUrlFlag: 'http://flag:3' }));
    expect([plan.rootUrl, plan.source]).toEqual(['http://flag:3', 'flag']);
  });

  it('takes a launched server over env and default', () => {
    expect(planProviderEndpoint(provider(), inputs({ env, launched }))).toMatchObject({ rootUrl: 'http://launched:2', source: 'local' });
  });

  it('takes the env var over the default', () => {
    expect(planProviderEndpoint(provider(), inputs({ env }))).toMatchObject({ rootUrl: 'http://env:1', source: 'env' });
  });

  it('falls back to the default, then to none (skipped for a local provider, naming the hint)', () => {
    expect(planProviderEndpoint(provider(), inputs())).toMatchObject({ rootUrl: 'http://127.0.0.1:8080', source: 'default', gate: { action: 'run' } });
    const none = planProviderEndpoint(provider({ baseUrl: { env: 'LOCAL_SRV_BASE_URL' } }), inputs());
    expect(none).toMatchObject({ rootUrl: undefined, source: 'none', gate: { action: 'skipped', reason: 'no endpoint: start the server' } });
  });

  it('a cloud provider without a root URL still runs (the SDK default applies)', () => {
    const cloud = provider({ kind: 'cloud', baseUrl: undefined });
    expect(planProviderEndpoint(cloud, inputs())).toMatchObject({ source: 'none', gate: { action: 'run' } });
  });
});

describe('planProviderEndpoint: credentials and settings', () => {
  const authed = provider({ kind: 'cloud', auth: { envVars: ['SRV_API_KEY', 'SRV_TOKEN'], required: true } });

  it('skips every cell when a required credential is missing, naming the env vars', () => {
    const plan = planProviderEndpoint(authed, inputs({ env: { SRV_API_KEY: '' } }));
    expect(plan.gate).toEqual({ action: 'skipped', reason: 'no credentials: set SRV_API_KEY or SRV_TOKEN' });
    expect(plan.credential).toBeUndefined();
  });

  it('picks the first env var that is set (by name, never the value)', () => {
    const env = { SRV_TOKEN: 'secret-value' };
    const plan = planProviderEndpoint(authed, inputs({ env }));
    expect(plan.credential).toEqual({ ref: 'local_srv', from: 'SRV_TOKEN' });
    expect(credentialValue('local_srv', plan, inputs({ env }))).toBe('secret-value');
    expect(plan.gate).toEqual({ action: 'run' });
    expect(JSON.stringify(plan)).not.toContain('secret-value');
  });

  it('uses the key of a launched server', () => {
    const launched = { local_srv: { rootUrl: 'http://l:1', apiKey: 'generated-key' } };
    const plan = planProviderEndpoint(authed, inputs({ launched }));
    expect(plan).toMatchObject({ credential: { ref: 'local_srv', from: '--local' }, gate: { action: 'run' } });
    expect(JSON.stringify(plan)).not.toContain('generated-key');
    expect(credentialValue('local_srv', plan, inputs({ launched }))).toBe('generated-key');
  });

  it('an optional credential that is missing does not skip', () => {
    const optional = provider({ auth: { envVars: ['SRV_API_KEY'], required: false } });
    expect(planProviderEndpoint(optional, inputs()).gate).toEqual({ action: 'run' });
  });

  it('reads the region from settingsEnv', () => {
    const bedrockish = provider({ kind: 'cloud', settingsEnv: { AWS_REGION: 'region', AWS_DEFAULT_REGION: 'fallback' } });
    expect(planProviderEndpoint(bedrockish, inputs({ env: { AWS_REGION: '', AWS_DEFAULT_REGION: 'eu-west-1' } })).region).toBe('eu-west-1');
  });
});

describe('planProviderEndpoint: embedded', () => {
  const embedded = provider({ kind: 'embedded', baseUrl: undefined, protocols: [{ protocol: 'embedded', path: '' }] });

  it('is skipped without a resolved model, with the resolver error as reason', () => {
    expect(planProviderEndpoint(embedded, inputs()).gate).toEqual({ action: 'skipped', reason: 'embedded model not resolved' });
    expect(planProviderEndpoint(embedded, inputs({ embeddedModel: { error: 'GGUF missing: run setup' } })).gate).toEqual({
      action: 'skipped',
      reason: 'GGUF missing: run setup',
    });
  });

  it('runs with the model path', () => {
    expect(planProviderEndpoint(embedded, inputs({ embeddedModel: { path: '/m/x.gguf' } }))).toMatchObject({ modelPath: '/m/x.gguf', gate: { action: 'run' } });
  });
});

describe('planTarget', () => {
  it('joins the root URL with the protocol path, trimming trailing slashes', () => {
    const p = provider();
    const endpoint = planProviderEndpoint(p, inputs({ baseUrlFlag: 'http://h:9//', env: { SRV_API_KEY: 'k' } }));
    expect(planTarget(p, { id: 'm', displayName: 'm', capabilities: {} }, 'openai-chat', endpoint, 1000).client).toEqual({
      protocol: 'openai-chat',
      baseUrl: 'http://h:9/v1',
      secretRef: undefined,
      region: undefined,
      modelPath: undefined,
      modelId: 'm',
      timeoutMs: 1000,
      maxRetries: 2,
    });
    expect(planTarget(p, { id: 'm', displayName: 'm', capabilities: {} }, 'anthropic-messages', endpoint, 1000).client.baseUrl).toBe('http://h:9');
  });

  it('leaves baseUrl undefined without a root URL', () => {
    const p = provider({ kind: 'cloud', baseUrl: undefined });
    expect(planTarget(p, { id: 'm', displayName: 'm', capabilities: {} }, 'openai-chat', planProviderEndpoint(p, inputs()), 1000).client.baseUrl).toBeUndefined();
  });

  it('carries the resolved model, its effective capabilities, quirks, auth and the credential by reference only', () => {
    const p = provider({ auth: { envVars: ['SRV_API_KEY'], required: false }, quirks: [{ name: 'q', value: true, reason: 'r' }] });
    const env = { SRV_API_KEY: 'secret-value' };
    const model = { id: 'listed', displayName: 'Listed', contextWindow: 4096, capabilities: { tools: true, seed: true } };
    const plan = planTarget(p, model, 'anthropic-messages', planProviderEndpoint(p, inputs({ env })), 1000);
    expect(plan).toMatchObject({ model, capabilities: { tools: true, seed: false, temperature: false }, quirks: [{ name: 'q' }], auth: 'configured', setupHint: 'start the server' });
    expect(plan.client.secretRef).toBe('local_srv');
    expect(JSON.stringify(plan)).not.toContain('secret-value');
  });

  it("takes a protocol endpoint's apiVersion and its own capability declarations over the model's", () => {
    const p = provider({ protocols: [{ protocol: 'openai-chat', path: '/v1' }, { protocol: 'gemini', path: '', apiVersion: 'v1beta', capabilities: { list_models: false } }] });
    const model = { id: 'm', displayName: 'm', capabilities: { list_models: true, chat: true } };
    const endpoint = planProviderEndpoint(p, inputs({ baseUrlFlag: 'http://h:9' }));
    const gemini = planTarget(p, model, 'gemini', endpoint, 1000);
    expect(gemini.client.apiVersion).toBe('v1beta');
    expect(gemini.capabilities).toMatchObject({ list_models: false, chat: true });
    const chat = planTarget(p, model, 'openai-chat', endpoint, 1000);
    expect(chat.client.apiVersion).toBeUndefined();
    expect(chat.capabilities).toMatchObject({ list_models: true, chat: true });
  });
});
