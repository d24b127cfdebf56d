#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DIFF_FORMATS } from './commands/diff.ts';
import { withEverydayCommands } from './commands/everyday-cli.ts';
import type { Wiring } from './commands/wiring.ts';
import { UsageError } from './matrix/usage-error.ts';
import { TRANSCRIPT_MODES, type TranscriptMode } from './reporters/transcript-file.ts';
import { PROVIDERS } from '../providers/index.ts';
import { SUITE_CATALOG } from '../suites/index.ts';

const EXIT_USAGE = 2;

// Each command's modules are imported when it runs (a command pulls in SDKs, vitest, OpenTelemetry,
// the MCP SDK…): loading all of them for every command cost about a second of CPU at start.

/** The one place that wires the providers and the suites into the engine. */
const WIRING: Wiring = { providers: PROVIDERS, suites: SUITE_CATALOG };

const filterOptions = {
  suite: { type: 'string', array: true, describe: 'suite(s): core, tools, streaming (repeatable or comma-separated)' },
  provider: { type: 'string', array: true, describe: 'provider id(s), e.g. llama_cpp,embedded' },
  model: { type: 'string', array: true, describe: 'model id(s); an unpinned id works with one --provider' },
  test: { type: 'string', array: true, describe: 'test name(s) or globs, e.g. basic_chat, "tool_choice_*", core.max_tokens' },
  tag: { type: 'string', array: true, describe: 'tag(s), e.g. smoke, errors' },
  protocol: { type: 'string', array: true, describe: 'wire protocol(s), e.g. openai-chat,anthropic-messages' },
  'base-url': { type: 'string', describe: 'server root URL of the one selected --provider (else <PROVIDER>_BASE_URL)' },
} as const;

const argv = hideBin(process.argv);

async function main(): Promise<number> {
  let exitCode = 0;
  await withEverydayCommands(yargs(argv), WIRING, (code) => (exitCode = code))
    .scriptName('llm-verify')
    .usage('$0 <command> [options]')
    .command(
      ['verify', '$0'],
      'run the selected cells against real endpoints and write reports',
      (command) =>
        command.options({
          ...filterOptions,
          local: { type: 'string', array: true, describe: 'start a local server for these providers (llama_cpp, ollama, litellm: a LiteLLM proxy in front of a llama-server)' },
          container: { type: 'boolean', describe: 'with --local: start those servers in containers (testcontainers; needs Docker)' },
          'report-dir': { type: 'string', default: 'reports', describe: 'folder for reports/<run-id>/ (and reports/latest)' },
          timeout: { type: 'number', default: 120_000, describe: 'per-test deadline in ms' },
          'fail-on': {
            type: 'string',
            array: true,
            describe: 'what sets exit code 1 besides errors (default all layers): transport,protocol,parser,model,infra; drift (with --probe), stale (with --baseline), flaky (with --repeat)',
          },
          probe: { type: 'boolean', default: false, describe: 'run cells the model declares unsupported too, and report drift between declared and observed capabilities' },
          'skip-unreachable': { type: 'boolean', default: false, describe: 'an unreachable endpoint gives skipped cells instead of error [infra] (for laptops)' },
          budget: { type: 'number', describe: 'stop starting cells once spent + in flight would exceed this many USD (the rest: skipped "budget reached")' },
          prices: { type: 'string', describe: 'JSON file of prices overriding the declared ones: {"provider/model": {"input": USD/1M, "output": USD/1M, "cachedInput": USD/1M}}' },
          transcripts: { type: 'string', choices: TRANSCRIPT_MODES, default: 'failing', describe: 'which cells get reports/<run>/transcripts/<cell>.json (redacted requests, responses, stream events)' },
          repeat: { type: 'number', describe: 'run each cell N independent times: pass (N/N), fail (0/N) or flaky with pass rate, pass^k and a 95% interval' },
          shard: { type: 'string', describe: 'run the i-th of n deterministic parts of the cells, e.g. 1/2 (combine with `merge`)' },
          baseline: { type: 'string', describe: 'expected-failures file (e.g. llm-verify.baseline.json): known failures do not fail the run, new ones do' },
          'update-baseline': { type: 'boolean', describe: 'with --baseline: rewrite the file to expect exactly this run\'s failures (entries of cells not run are kept)' },
          mcp: { type: 'string', array: true, describe: 'MCP server(s) for the mcp_* tests instead of the project\'s own: a command (stdio) or an http(s) URL (Streamable HTTP)' },
          otlp: { type: 'string', describe: 'export OpenTelemetry GenAI spans of every request over OTLP/HTTP to this receiver (default: OTEL_EXPORTER_OTLP_ENDPOINT; unset: no tracing)' },
          'otel-content': { type: 'boolean', default: false, describe: 'with tracing: record message content on the spans (gen_ai.input.messages/output.messages); off by default' },
          ui: { type: 'boolean', default: false, describe: 'watch the run in @vitest/ui (its URL is printed; it keeps serving until Ctrl-C)' },
          'ui-port': { type: 'number', describe: 'port for --ui (default 51204; the next free one if busy)' },
        }).check((args) => {
          const port = args['ui-port'];
          if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
            throw new UsageError(`--ui-port takes one port number from 1 to 65535, e.g. --ui-port 51204 (got ${JSON.stringify(port)})`);
          }
          if (port !== undefined && !args.ui) throw new UsageError('--ui-port needs --ui (it is the port of the vitest UI)');
          if (typeof args.timeout !== 'number' || !Number.isFinite(args.timeout) || args.timeout <= 0) {
            throw new UsageError(`--timeout takes one positive number of milliseconds, e.g. --timeout 60000 (got ${JSON.stringify(args.timeout)})`);
          }
          if (args.budget !== undefined && (typeof args.budget !== 'number' || !Number.isFinite(args.budget) || args.budget < 0)) {
            throw new UsageError(`--budget takes one number of US dollars >= 0, e.g. --budget 2.50 (got ${JSON.stringify(args.budget)})`);
          }
          return true;
        }),
      async (args) => {
        exitCode = await (await import('./commands/verify.ts')).runVerify(
          {
            ...args,
            baseUrl: args['base-url'],
            reportDir: args['report-dir'],
            failOn: args['fail-on'],
            skipUnreachable: args['skip-unreachable'],
            updateBaseline: args['update-baseline'],
            uiPort: args['ui-port'],
            otelContent: args['otel-content'],
            transcripts: args.transcripts as TranscriptMode,
          },
          argv,
          WIRING,
        );
      },
    )
    .command(
      'list',
      'print the cells a filter selects, with declared capabilities; runs nothing',
      (command) =>
        command.options({
          ...filterOptions,
          json: { type: 'boolean', default: false },
          estimate: { type: 'boolean', default: false, describe: 'print the estimated cost of the cells that would run, per target and in total' },
          prices: { type: 'string', describe: 'JSON file of prices overriding the declared ones (see verify --help)' },
        }),
      async (args) => {
        exitCode = await (await import('./commands/list.ts')).runList({ ...args, baseUrl: args['base-url'] }, WIRING);
      },
    )
    .command(
      'matrix',
      'rebuild the reports of a run from its journal (results.jsonl)',
      (command) =>
        command.options({
          run: { type: 'string', default: 'latest', describe: 'run id (folder name) or "latest"' },
          'report-dir': { type: 'string', default: 'reports' },
        }),
      async (args) => {
        exitCode = await (await import('./commands/matrix.ts')).runMatrix({ run: args.run, reportDir: args['report-dir'] }, WIRING);
      },
    )
    .command(
      'diff <runA> <runB>',
      'what changed between two runs (folders or results.json): newly failing/passing, changed layer, new/removed cells, server versions, model digests; exit 1 on newly failing',
      (command) =>
        command
          .positional('runA', { type: 'string', demandOption: true, describe: 'the earlier run: reports/<run-id>, or its results.json' })
          .positional('runB', { type: 'string', demandOption: true, describe: 'the later run' })
          .options({
            format: { choices: DIFF_FORMATS, default: 'md' as const, describe: 'Markdown (job summaries, PR comments) or JSON' },
            out: { type: 'string', describe: 'write to this file instead of stdout' },
          }),
      async (args) => {
        exitCode = await (await import('./commands/diff.ts')).runDiff({ runA: args.runA, runB: args.runB, format: args.format, out: args.out }, (text) => process.stdout.write(text), (line) => process.stderr.write(`${line}\n`));
      },
    )
    .command(
      'merge <runs..>',
      'combine run folders (shards of one split, or runs of different providers) into one run folder with every report',
      (command) =>
        command
          .positional('runs', { type: 'string', array: true, demandOption: true, describe: 'run folders (or their results.json)' })
          .options({ out: { type: 'string', demandOption: true, describe: 'the new run folder to write (must not exist or be empty)' } }),
      async (args) => {
        exitCode = await (await import('./commands/merge.ts')).runMerge({ runs: args.runs, out: args.out, suiteOrder: WIRING.suites.suites }, argv, (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
      },
    )
    .command(
      'discover',
      'probe the usual local ports and list cloud providers with credentials (names only)',
      (command) => command.options({ timeout: { type: 'number', default: 800 }, json: { type: 'boolean', default: false } }),
      async (args) => {
        exitCode = await (await import('./commands/discover.ts')).runDiscover(args, WIRING);
      },
    )
    .strict()
    .recommendCommands()
    .help()
    .fail((message, error) => {
      if (error) throw error;
      throw new UsageError(message);
    })
    .parseAsync();
  return exitCode;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`llm-verify: ${error.message}\nRun with --help for usage.\n`);
      process.exitCode = EXIT_USAGE;
    } else {
      process.stderr.write(`llm-verify: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
