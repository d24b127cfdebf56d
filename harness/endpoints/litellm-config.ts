/**
 * The config a harness-launched LiteLLM proxy starts with: one model name routed to an
 * OpenAI-compatible upstream (our llama-server). Secrets are never written into it: LiteLLM reads
 * `os.environ/<NAME>` references from the environment the launcher gives the process.
 */

/** Environment variables the config refers to; the launcher sets them on the proxy process only. */
export const MASTER_KEY_ENV = 'LLM_VERIFY_LITELLM_MASTER_KEY';
export const UPSTREAM_KEY_ENV = 'LLM_VERIFY_LITELLM_UPSTREAM_KEY';

export interface LiteLlmRoute {
  /** The name clients ask for (and the proxy lists). */
  modelName: string;
  /** The upstream's model id (llama-server --alias). */
  upstreamModel: string;
  /** The upstream's OpenAI base URL, e.g. http://127.0.0.1:8080/v1. */
  upstreamBaseUrl: string;
}

/**
 * The proxy config as JSON (YAML is a superset of JSON, and LiteLLM loads it with yaml.safe_load).
 * No telemetry, no retries of its own (a verdict must see the gateway's first answer), no database,
 * and no cooldowns: with one deployment per name, LiteLLM's router would otherwise answer every
 * request for some seconds after one failure with 429 "No deployments available", so one failed
 * cell would turn the next cells into rate-limit errors that say nothing about them.
 */
export function liteLlmConfig(route: LiteLlmRoute): string {
  const config = {
    model_list: [
      {
        model_name: route.modelName,
        litellm_params: {
          model: `openai/${route.upstreamModel}`,
          api_base: route.upstreamBaseUrl,
          api_key: `os.environ/${UPSTREAM_KEY_ENV}`,
        },
      },
    ],
    litellm_settings: { telemetry: false, num_retries: 0, drop_params: false },
    router_settings: { num_retries: 0, disable_cooldowns: true },
    general_settings: { master_key: `os.environ/${MASTER_KEY_ENV}` },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** LiteLLM checks master keys and virtual keys for the "sk-" prefix; a generated key gets it. */
export function asLiteLlmKey(key: string): string {
  return key.startsWith('sk-') ? key : `sk-${key}`;
}
