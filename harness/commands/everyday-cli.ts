import type { Argv } from 'yargs';
import type { Wiring } from './wiring.ts';
import { ASK_FORMATS } from './ask-render.ts';

const endpointOptions = {
  local: { type: 'string', array: true, nargs: 1, describe: 'start a local server for this command (llama_cpp, ollama, litellm); stopped at the end' },
  'base-url': { type: 'string', describe: 'server root URL of the one selected provider (else <PROVIDER>_BASE_URL)' },
} as const;

/** Registers the everyday commands: ask, models, check, init (each imported when it runs). */
export function withEverydayCommands<T>(cli: Argv<T>, wiring: Wiring, setExitCode: (code: number) => void): Argv<T> {
  const { providers } = wiring;
  return cli
    .command(
      'ask [prompt]',
      'send one prompt to one or more providers and print the answers (prompt also from stdin)',
      (command) =>
        command
          .positional('prompt', { type: 'string', describe: 'the prompt; read from stdin when omitted' })
          .options({
            provider: { type: 'string', array: true, nargs: 1, describe: 'provider id(s), comma-separated: answers side by side (default: the --local ids, else embedded)' },
            model: { type: 'string', array: true, nargs: 1, describe: 'model id(s); "P=M" names a model for provider P only (default: pinned/listed)' },
            protocol: { type: 'string', array: true, nargs: 1, describe: 'wire protocol(s) (default: the provider\'s first)' },
            system: { type: 'string', describe: 'system prompt' },
            temperature: { type: 'number', describe: 'sampling temperature' },
            'max-tokens': { type: 'number', describe: 'output token limit' },
            seed: { type: 'number', describe: 'sampling seed (protocols that carry one)' },
            stream: { type: 'boolean', default: false, describe: 'stream: tokens as they arrive, then TTFT and tokens/s' },
            format: { choices: ASK_FORMATS, default: 'pretty' as const, describe: 'output format' },
            timeout: { type: 'number', default: 120_000, describe: 'deadline per answer in ms' },
            ...endpointOptions,
          }),
      async (args) => {
        setExitCode(
          await (await import('./ask.ts')).runAsk({ ...args, prompt: args.prompt, baseUrl: args['base-url'], maxTokens: args['max-tokens'], format: args.format }, providers),
        );
      },
    )
    .command(
      'models <provider>',
      'the endpoint\'s model listing merged with the pinned metadata (context window, declared capabilities)',
      (command) =>
        command
          .positional('provider', { type: 'string', demandOption: true, describe: 'provider id' })
          .options({ json: { type: 'boolean', default: false }, timeout: { type: 'number', default: 10_000, describe: 'listing deadline in ms' }, ...endpointOptions }),
      async (args) => {
        setExitCode(await (await import('./models.ts')).runModels({ provider: args.provider, local: args.local, baseUrl: args['base-url'], json: args.json, timeout: args.timeout }, providers));
      },
    )
    .command(
      'check [providers..]',
      'is each configured provider set up? credentials, reachable, auth accepted, a 1-token answer',
      (command) =>
        command
          .positional('providers', { type: 'string', array: true, nargs: 1, describe: 'provider ids (default: every configured provider)' })
          .options({ json: { type: 'boolean', default: false }, timeout: { type: 'number', default: 30_000, describe: 'deadline per step in ms' }, ...endpointOptions }),
      async (args) => {
        setExitCode(await (await import('./check.ts')).runCheck({ providers: args.providers, local: args.local, baseUrl: args['base-url'], json: args.json, timeout: args.timeout }, providers));
      },
    )
    .command(
      'init',
      'interactive set-up: choose providers, enter URLs/keys (hidden), check them, write .env',
      (command) =>
        command.options({
          provider: { type: 'string', array: true, nargs: 1, describe: 'providers to set up (skips the selection; with --yes: required)' },
          yes: { type: 'boolean', default: false, describe: 'non-interactive: values from the environment, no questions' },
          dotenv: { type: 'string', default: '.env', describe: 'file to write or update' },
          'allow-tracked': { type: 'boolean', default: false, describe: 'with --yes: write even when git tracks the file' },
          check: { type: 'boolean', default: true, describe: 'check the providers before writing (--no-check skips)' },
          timeout: { type: 'number', default: 30_000, describe: 'check deadline per step in ms' },
        }),
      async (args) => {
        setExitCode(await (await import('./init.ts')).runInit({ provider: args.provider, yes: args.yes, envFile: args.dotenv, allowTracked: args['allow-tracked'], check: args.check, timeout: args.timeout }, providers));
      },
    );
}
