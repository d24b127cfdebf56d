import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ProviderDefinition } from '../contract/provider.ts';
import { loadEnvironment } from '../config/env.ts';
import { UsageError } from '../matrix/usage-error.ts';
import { checkProviders } from './check.ts';
import { updateEnvText } from './env-file.ts';
import { prepareEndpoints, providersNamed } from './everyday-endpoints.ts';
import { isGitTracked } from './git-tracked.ts';
import { currentName, initFields, initProviders } from './init-fields.ts';
import { confirmPrompt, isPromptExit, runWizard, type WizardAnswers } from './init-wizard.ts';
import { formatCheck } from './provider-check.ts';

export interface InitArgs {
  provider?: string[];
  yes: boolean;
  envFile: string;
  allowTracked: boolean;
  check: boolean;
  timeout: number;
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const NON_INTERACTIVE_HINT =
  'init is interactive and needs a terminal. To run it from a script, put the values in the environment and pass the providers:\n' +
  '  LLAMA_CPP_BASE_URL=http://127.0.0.1:8080 llm-verify init --provider llama_cpp --yes\n' +
  '  OPENAI_API_KEY=… llm-verify init --provider openai --yes';

/** Non-interactive answers: each field's value from the environment; a missing required one is a usage error. */
function answersFromEnv(providers: readonly ProviderDefinition[], env: NodeJS.ProcessEnv): WizardAnswers {
  const values: Record<string, string> = {};
  for (const provider of providers) {
    for (const field of initFields(provider)) {
      const name = currentName(field, env);
      if (name) values[name] = env[name] ?? '';
      else if (field.required) throw new UsageError(`--yes takes values from the environment: set ${[field.name, ...field.alternatives].join(' or ')} for ${provider.id}`);
    }
  }
  return { providers: [...providers], values };
}

/**
 * `init`: choose providers, enter their URL / key (hidden), check them, and write or update .env
 * (unrelated lines kept, keys never printed, a git-tracked file only with confirmation).
 * Exit 0 written and checked, 1 a check failed or nothing was written, 2 usage, 130 Ctrl-C.
 */
export async function runInit(args: InitArgs, known: readonly ProviderDefinition[]): Promise<number> {
  const envFile = resolve(args.envFile);
  const env = loadEnvironment(envFile);
  const interactive = !args.yes;
  if (interactive && !(process.stdin.isTTY && process.stdout.isTTY)) {
    process.stderr.write(`llm-verify: ${NON_INTERACTIVE_HINT}\n`);
    return 2;
  }
  if (!interactive && !args.provider?.length) throw new UsageError('--yes needs --provider <id>[,<id>…] (which providers to write)');
  const offered = initProviders(known);
  const named = providersNamed(known, args.provider);
  for (const provider of named) if (!offered.includes(provider)) throw new UsageError(`${provider.id} needs no set-up (nothing to write)`);

  try {
    const answers = interactive ? await runWizard(offered, env, named) : answersFromEnv(named, env);
    let checksPassed = true;
    if (args.check) {
      const checkEnv: NodeJS.ProcessEnv = { ...env, ...answers.values };
      out(`\nchecking ${answers.providers.map((provider) => provider.id).join(', ')} …`);
      const endpoints = await prepareEndpoints({ known, providers: answers.providers, local: [], env: checkEnv, log: out, embeddedModel: 'look-up' });
      const checks = await checkProviders(answers.providers, endpoints, args.timeout).finally(() => endpoints.stop());
      const width = Math.max(...answers.providers.map((provider) => provider.id.length), 8);
      for (const check of checks) out(formatCheck(check, width));
      checksPassed = checks.every((check) => check.ok);
      if (!checksPassed && interactive && !(await confirmPrompt('A check failed. Write .env anyway?', false))) {
        out('nothing written');
        return 1;
      }
    }
    const names = Object.keys(answers.values);
    if (names.length === 0) {
      out(`nothing to write: every value is already set (${envFile} unchanged)`);
      return checksPassed ? 0 : 1;
    }
    if (existsSync(envFile) && (await isGitTracked(envFile))) {
      const warning = `${envFile} is tracked by git: keys written there would be committed`;
      if (!interactive && !args.allowTracked) throw new UsageError(`${warning}. Refusing; use an untracked file (--dotenv PATH) or pass --allow-tracked`);
      if (interactive && !(await confirmPrompt(`${warning}. Write anyway?`, false))) {
        out('nothing written');
        return 1;
      }
    }
    const before = existsSync(envFile) ? readFileSync(envFile, 'utf8') : '';
    const update = updateEnvText(before, answers.values);
    writeFileSync(envFile, update.text, { mode: 0o600 });
    const changed = [...update.updated.map((name) => `${name} (updated)`), ...update.added.map((name) => `${name} (added)`)];
    out(`wrote ${envFile}: ${changed.join(', ')}; ${update.kept} other line(s) kept; values not shown`);
    return checksPassed ? 0 : 1;
  } catch (error) {
    if (isPromptExit(error)) {
      process.stderr.write('llm-verify: init cancelled; nothing written\n');
      return 130;
    }
    throw error;
  }
}
