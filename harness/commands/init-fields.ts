import type { ProviderDefinition } from '../contract/provider.ts';

/** One variable `init` asks for. */
export interface InitField {
  name: string;
  /** Keys and tokens: hidden input, never printed. */
  secret: boolean;
  required: boolean;
  /** Alternative variable names for the same credential (the user picks one). */
  alternatives: string[];
  /** Suggested value (non-secret fields only). */
  suggestion?: string;
  describe: string;
}

const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD/i;

/** Providers `init` offers: everything that needs a URL or credentials (the embedded one needs neither). */
export const initProviders = (providers: readonly ProviderDefinition[]): ProviderDefinition[] => providers.filter((provider) => provider.kind !== 'embedded');

/**
 * What to ask for a provider, from its definition: a local server's base URL, its credential
 * (one of its auth variables) and other settings it reads (region, …).
 */
export function initFields(provider: ProviderDefinition): InitField[] {
  const fields: InitField[] = [];
  if (provider.kind === 'local' && provider.baseUrl) {
    fields.push({ name: provider.baseUrl.env, secret: false, required: true, alternatives: [], suggestion: provider.baseUrl.default, describe: `server root URL, e.g. ${provider.baseUrl.default ?? 'http://127.0.0.1:8080'}` });
  }
  const auth = provider.auth;
  if (auth && auth.envVars.length > 0) {
    const [first, ...rest] = auth.envVars;
    if (first) {
      fields.push({ name: first, secret: SECRET_NAME.test(first), required: auth.required, alternatives: rest, describe: auth.required ? 'credential (required)' : 'API key, if the server checks one (Enter: none)' });
    }
  }
  for (const [name, describe] of Object.entries(provider.settingsEnv ?? {})) {
    fields.push({ name, secret: SECRET_NAME.test(name), required: false, alternatives: [], describe });
  }
  return fields;
}

/** Whether a field's variable (or one of its alternatives) already has a value. */
export const currentName = (field: InitField, env: Readonly<Record<string, string | undefined>>): string | undefined =>
  [field.name, ...field.alternatives].find((name) => (env[name] ?? '') !== '');
