import { describe, expect, it } from 'vitest';
import { asLiteLlmKey, liteLlmConfig, MASTER_KEY_ENV, UPSTREAM_KEY_ENV } from './litellm-config.ts';

describe('liteLlmConfig', () => {
  const text = liteLlmConfig({ modelName: 'small', upstreamModel: 'smollm2', upstreamBaseUrl: 'http://127.0.0.1:9/v1' });

  it('routes the model name to the OpenAI-compatible upstream and refers to keys by environment variable only', () => {
    const config = JSON.parse(text) as Record<string, unknown>;
    expect(config).toMatchObject({
      model_list: [{ model_name: 'small', litellm_params: { model: 'openai/smollm2', api_base: 'http://127.0.0.1:9/v1', api_key: `os.environ/${UPSTREAM_KEY_ENV}` } }],
      general_settings: { master_key: `os.environ/${MASTER_KEY_ENV}` },
      litellm_settings: { telemetry: false, num_retries: 0 },
      router_settings: { disable_cooldowns: true },
    });
  });

  it('gives a generated key the sk- prefix LiteLLM requires, once', () => {
    expect(asLiteLlmKey('abc')).toBe('sk-abc');
    expect(asLiteLlmKey('sk-abc')).toBe('sk-abc');
  });
});
