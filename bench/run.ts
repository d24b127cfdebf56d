/**
 * `npm run bench`: the harness's fixed costs, measured in one run against one running llama-server
 * (the test model), as ratios (absolute numbers depend on the machine; ratios travel):
 *   (a) the harness's core run vs the same requests made with the bare openai SDK in one process
 *       (wall, CPU, peak memory of the process tree), median of BENCH_ROUNDS paired rounds;
 *   (b) the harness vs promptfoo (installed into the cache by scripts/setup/promptfoo.sh) on the
 *       same chat requests;
 *   (c) four latency-bound targets vs one (the concurrency ratio);
 *   (d) the harness's reported TTFT and output tokens/s vs llama-server's own `timings`.
 * Prints a table and writes reports/bench/<time>.json.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveEmbeddedModel } from '../harness/endpoints/embedded-model.ts';
import { startLlamaServer } from '../harness/endpoints/llama-server-launcher.ts';
import { runSetupScript } from '../harness/endpoints/setup-scripts.ts';
import { inferenceThreads } from '../harness/endpoints/thread-count.ts';
import { measureConcurrencyRatio } from './concurrency.ts';
import { measureProcess, type ProcessStats } from './process-stats.ts';
import { promptfooConfig } from './promptfoo-config.ts';
import { replayFromRun } from './replay-requests.ts';
import { median, pairedRatio, verdictText } from './stats.ts';
import { timingPairs } from './timing-accuracy.ts';
import { tracingOverheadMicros } from './tracing-overhead.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'harness/cli.ts');
const MODEL = 'smollm2-135m-instruct';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CORE = ['verify', '--provider', 'llama_cpp', '--suite', 'core', '--protocol', 'openai-chat'];
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const work = mkdtempSync(join(tmpdir(), 'llm-verify-bench-'));
const runDirOf = (reportDir: string) => join(reportDir, readdirSync(reportDir).find((name) => name !== 'latest') ?? '');

const modelPath = (await resolveEmbeddedModel(process.env, log)).path;
const server = await startLlamaServer({
  binary: process.env.LLAMA_SERVER_BIN ?? (await runSetupScript('llama-server.sh')),
  modelPath,
  alias: MODEL,
  logFile: join(work, 'llama-server.log'),
  threads: inferenceThreads(),
  // Four slots: the four-target run (c) sends four requests at once; single requests are unaffected.
  parallel: 4,
});
const env = { ...process.env, LLAMA_CPP_BASE_URL: server.baseUrl };
const harness = (args: string[], label: string) => {
  const reportDir = join(work, label);
  return measureProcess(process.execPath, [CLI, ...args, '--report-dir', reportDir], { env, cwd: ROOT }).then((stats) => ({ stats, runDir: runDirOf(reportDir) }));
};

try {
  // The requests the harness's core run makes, from its transcripts (also a warm-up of server and caches).
  const prepared = await harness([...CORE, '--transcripts', 'all'], 'prepare');
  const replay = replayFromRun(prepared.runDir, server.baseUrl);
  const replayFile = join(work, 'requests.json');
  writeFileSync(replayFile, JSON.stringify(replay));
  const promptfoo = promptfooConfig(replay, MODEL);
  const promptfooFile = join(work, 'promptfooconfig.json');
  writeFileSync(promptfooFile, JSON.stringify(promptfoo.config, null, 2));
  const promptfooEntry = await runSetupScript('promptfoo.sh');
  const promptfooEnv = { ...process.env, PROMPTFOO_DISABLE_TELEMETRY: '1', PROMPTFOO_DISABLE_UPDATE: '1', PROMPTFOO_CONFIG_DIR: join(work, 'promptfoo-home'), OPENAI_API_KEY: 'no-key' };
  log(`${replay.requests.length} requests per core run (${promptfoo.cases} chat requests for promptfoo); ${ROUNDS} paired rounds`);

  const rows: Record<'harness' | 'bare' | 'promptfoo', ProcessStats[]> = { harness: [], bare: [], promptfoo: [] };
  const phases: Array<{ wallMs: number; cellsMs: number }> = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const run = await harness(CORE, `round-${round}`);
    rows.harness.push(run.stats);
    phases.push({ wallMs: run.stats.wallMs, cellsMs: cellsSpanMs(run.runDir) });
    rows.bare.push(await measureProcess(process.execPath, [join(ROOT, 'bench/bare-sdk-replay.ts'), replayFile], { env, cwd: ROOT }));
    rows.promptfoo.push(
      await measureProcess(process.execPath, [promptfooEntry, 'eval', '-c', promptfooFile, '--no-cache', '--no-progress-bar', '--no-table', '--no-write', '-j', '1', '-o', join(work, `promptfoo-${round}.json`)], { env: promptfooEnv, cwd: work }),
    );
    log(`round ${round}: harness ${ms(run.stats.wallMs)}, bare SDK ${ms(rows.bare.at(-1)?.wallMs)}, promptfoo ${ms(rows.promptfoo.at(-1)?.wallMs)}`);
  }
  const startup = await measureProcess(process.execPath, [CLI, '--version'], { env, cwd: ROOT });

  // (d): TTFT and tokens/s against the server's own timings, same responses.
  const timingRuns = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    timingRuns.push(...timingPairs((await harness(['verify', '--provider', 'llama_cpp', '--suite', 'streaming', '--test', 'time_to_first_token', '--protocol', 'openai-chat', '--transcripts', 'all'], `timing-${round}`)).runDir));
  }

  // (c): four latency-bound targets vs one.
  const concurrency = await measureConcurrencyRatio({ upstream: server.baseUrl, cli: CLI, env, cwd: ROOT, reportDir: (label) => join(work, `concurrency-${label}`) });

  const wall = (list: ProcessStats[]) => median(list.map((entry) => entry.wallMs));
  const cpu = (list: ProcessStats[]) => median(list.map((entry) => entry.cpuMs));
  const peak = (list: ProcessStats[]) => median(list.map((entry) => entry.peakMiB));
  const a = {
    wallRatio: pairedRatio(rows.harness.map((entry) => entry.wallMs), rows.bare.map((entry) => entry.wallMs)),
    cpuRatio: pairedRatio(rows.harness.map((entry) => entry.cpuMs), rows.bare.map((entry) => entry.cpuMs)),
    peakRatio: peak(rows.harness) / peak(rows.bare),
  };
  const b = pairedRatio(rows.promptfoo.map((entry) => entry.wallMs), rows.harness.map((entry) => entry.wallMs));
  const d = {
    ttftRatio: median(timingRuns.map((pair) => pair.harnessTtftMs / pair.serverTtftMs)),
    rateRatio: median(timingRuns.map((pair) => pair.harnessTokensPerSecond / pair.serverTokensPerSecond)),
  };
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`llm-verify bench — median of ${ROUNDS} paired rounds against one llama-server (${MODEL}); ${replay.requests.length} requests per core run`);
  out('');
  out('                     wall        CPU         peak memory (process tree)');
  for (const [name, list] of Object.entries(rows)) out(`${name.padEnd(20)} ${ms(wall(list)).padEnd(11)} ${ms(cpu(list)).padEnd(11)} ${peak(list).toFixed(0)} MiB`);
  out(`harness start-up    ${ms(startup.wallMs)} (llm-verify --version); cells span ${ms(median(phases.map((phase) => phase.cellsMs)))} of the ${ms(median(phases.map((phase) => phase.wallMs)))} wall`);
  out('');
  out(`(a) harness / bare SDK: wall ${verdictText(a.wallRatio, { max: 1.25 })}, CPU ${a.cpuRatio.toFixed(2)}, peak memory ${peak(rows.harness).toFixed(0)} MiB (target ≤ 150 MiB: ${peak(rows.harness) <= 150 ? 'met' : 'MISSED'}; ratio ${a.peakRatio.toFixed(2)})`);
  out(`(b) promptfoo / harness wall: ${verdictText(b, { min: 2 })} — the harness is ${b.toFixed(2)}× faster`);
  out(`(c) four latency-bound targets / one: ${verdictText(concurrency.ratio, { max: 1.3 })} (${ms(concurrency.fourTargetsMs)} for ${concurrency.cells.four} cells vs ${ms(concurrency.oneTargetMs)} for ${concurrency.cells.one}, ${concurrency.latencyMs} ms added per request)`);
  out(`(d) harness / llama-server timings over ${timingRuns.length} streamed responses: TTFT ${verdictText(d.ttftRatio, { min: 0.9, max: 1.1 })}, output tokens/s ${verdictText(d.rateRatio, { min: 0.9, max: 1.1 })}`);
  const tracing = await tracingOverheadMicros();
  const perRequestMs = wall(rows.bare) / Math.max(1, replay.requests.length);
  out(`tracing (--otlp): ${tracing.overheadUs.toFixed(1)} µs per request (traced ${tracing.tracedUs.toFixed(1)} µs vs ${tracing.plainUs.toFixed(1)} µs untraced on an instant client); ratio on a core request (${perRequestMs.toFixed(0)} ms): ${((perRequestMs + tracing.overheadUs / 1000) / perRequestMs).toFixed(5)}`);
  const dir = join(ROOT, 'reports', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ rounds: ROUNDS, rows, phases, startup, a, b, concurrency, d, timingRuns }, (key, value) => (key === 'stdout' || key === 'stderr' ? undefined : value), 2)}\n`);
  out(`\nnumbers: ${file}`);
} finally {
  await server.stop();
}
process.exit(0);

function ms(value: number | undefined): string {
  return value === undefined ? '?' : `${(value / 1000).toFixed(2)} s`;
}

/** From the first cell's start to the last cell's end, in a run's results.json. */
function cellsSpanMs(runDir: string): number {
  const { cells } = JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')) as { cells: Array<{ startedAt: string; durationMs: number }> };
  const start = Math.min(...cells.map((cell) => Date.parse(cell.startedAt)));
  const end = Math.max(...cells.map((cell) => Date.parse(cell.startedAt) + cell.durationMs));
  return end - start;
}
