import type { ProviderDefinition } from '../contract/provider.ts';
import { urlSecrets } from '../protocols/shared/redact.ts';

/** Auth env vars that name a setting, not a secret (their values are ordinary words such as "default"). */
const NOT_SECRET = /(_PROFILE|_REGION)$/;

/** The credential env var names of every provider (not only the selected ones): auth vars and secretEnv. */
export function credentialEnvNames(providers: readonly Pick<ProviderDefinition, 'auth' | 'secretEnv'>[]): string[] {
  const names = providers.flatMap((provider) => [...(provider.auth?.envVars ?? []), ...(provider.secretEnv ?? [])]);
  return [...new Set(names.filter((name) => !NOT_SECRET.test(name)))];
}

/**
 * Every secret value a run knows of, for redaction: the values of every provider's credential env
 * vars, the keys the plan hands to workers (also of servers the harness launched), and the
 * credentials inside base URLs (userinfo, key-carrying query parameters) of the flag and of every
 * provider's base-URL env var.
 */
export function runSecretValues(inputs: {
  providers: readonly Pick<ProviderDefinition, 'auth' | 'secretEnv' | 'baseUrl'>[];
  env: Readonly<Record<string, string | undefined>>;
  keys?: Readonly<Record<string, string>>;
  urls?: ReadonlyArray<string | undefined>;
}): string[] {
  const values = credentialEnvNames(inputs.providers).map((name) => inputs.env[name]);
  values.push(...Object.values(inputs.keys ?? {}));
  const urls = [...(inputs.urls ?? []), ...inputs.providers.map((provider) => (provider.baseUrl ? inputs.env[provider.baseUrl.env] : undefined))];
  for (const url of urls) if (url) values.push(...urlSecrets(url));
  return [...new Set(values.filter((value): value is string => typeof value === 'string' && value !== ''))];
}
