import { checkbox, confirm, input, password, select } from '@inquirer/prompts';
import type { ProviderDefinition } from '../contract/provider.ts';
import { currentName, initFields, type InitField } from './init-fields.ts';

export interface WizardAnswers {
  providers: ProviderDefinition[];
  /** Variables to write; a field left empty (kept or not needed) is absent. */
  values: Record<string, string>;
}

type Env = Readonly<Record<string, string | undefined>>;

function validUrl(value: string): true | string {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? true : 'use an http:// or https:// URL';
  } catch {
    return 'not a URL: e.g. http://127.0.0.1:8080';
  }
}

async function askField(field: InitField, env: Env): Promise<[string, string] | undefined> {
  const current = currentName(field, env);
  let name = field.name;
  if (field.alternatives.length > 0) {
    name = await select({ message: `Which variable holds the ${field.describe}?`, choices: [field.name, ...field.alternatives].map((value) => ({ value })), default: current ?? field.name });
  }
  if (field.secret) {
    const keep = current === name;
    const value = await password({
      message: `${name} — ${field.describe}${keep ? '; Enter keeps the current one' : ''}:`,
      mask: '*',
      toggleMask: false,
      validate: (entered) => (entered !== '' || keep || !field.required ? true : `${name} is required for this provider`),
    });
    return value === '' ? undefined : [name, value];
  }
  const isUrl = name.endsWith('_BASE_URL');
  const value = await input({
    message: `${name} — ${field.describe}:`,
    default: env[name] || field.suggestion,
    validate: (entered) => (entered === '' ? (field.required ? `${name} is required` : true) : isUrl ? validUrl(entered) : true),
  });
  return value === '' ? undefined : [name, value];
}

/** The interactive part of `init`: which providers (unless named with --provider), then each one's URL / key / settings (keys hidden). */
export async function runWizard(offered: readonly ProviderDefinition[], env: Env, named: readonly ProviderDefinition[] = []): Promise<WizardAnswers> {
  const chosen = named.length > 0 ? [...named] : await chooseProviders(offered, env);
  const values: Record<string, string> = {};
  for (const provider of chosen) {
    process.stdout.write(`\n${provider.id}:\n`);
    for (const field of initFields(provider)) {
      const answer = await askField(field, { ...env, ...values });
      if (answer) values[answer[0]] = answer[1];
    }
  }
  return { providers: chosen, values };
}

function chooseProviders(providers: readonly ProviderDefinition[], env: Env): Promise<ProviderDefinition[]> {
  return checkbox({
    message: 'Which providers do you want to set up? (space selects, enter confirms)',
    choices: providers.map((provider) => {
      const configured = initFields(provider).some((field) => field.required && currentName(field, env) !== undefined);
      return { value: provider, name: `${provider.id} — ${provider.displayName}${configured ? ' (configured)' : ''}` };
    }),
    required: true,
    pageSize: providers.length,
  });
}

export const confirmPrompt = (message: string, fallback: boolean): Promise<boolean> => confirm({ message, default: fallback });

/** Whether an error is the prompt library's "the user pressed Ctrl-C". */
export const isPromptExit = (error: unknown): boolean => error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
