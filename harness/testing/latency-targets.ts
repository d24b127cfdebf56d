import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFaultProxy, type FaultProxy } from './fault-proxy/fault-proxy.ts';

/**
 * Test and bench support: the concurrency scenario of issue 9 — N latency-bound OpenAI-compatible
 * targets (each its own provider and fault proxy adding `latencyMs` before every request, all in
 * front of one llama-server), run as one `verify` and compared with one target alone.
 */
export const LATENCY_PROVIDERS = [
  { id: 'llama_cpp', env: 'LLAMA_CPP_BASE_URL', path: '' },
  { id: 'vllm', env: 'VLLM_BASE_URL', path: '' },
  { id: 'lm_studio', env: 'LM_STUDIO_BASE_URL', path: '' },
  { id: 'openai_compatible', env: 'OPENAI_COMPATIBLE_BASE_URL', path: '/v1' },
] as const;

export interface LatencyTargets {
  /** Environment for the CLI: each provider's base URL is its own proxy. */
  env: Record<string, string>;
  providers: string[];
  proxies: FaultProxy[];
  stop(): Promise<void>;
}

/** Starts `count` (1–4) proxies adding `latencyMs` in front of `upstream` (a loopback llama-server root). */
export async function startLatencyTargets(options: { upstream: string; count: number; latencyMs: number }): Promise<LatencyTargets> {
  const chosen = LATENCY_PROVIDERS.slice(0, Math.min(Math.max(1, options.count), LATENCY_PROVIDERS.length));
  const proxies = await Promise.all(chosen.map(() => startFaultProxy({ upstream: options.upstream, fault: 'none', latencyMs: options.latencyMs })));
  return {
    env: Object.fromEntries(chosen.map((provider, index) => [provider.env, `${proxies[index]?.url}${provider.path}`])),
    providers: chosen.map((provider) => provider.id),
    proxies,
    stop: async () => {
      await Promise.allSettled(proxies.map((proxy) => proxy.stop()));
    },
  };
}

/** The CLI runner the caller brings (e2e: execa on harness/cli.ts; bench: its own). */
export type CliRunner = (args: string[], env: Record<string, string>) => Promise<{ exitCode?: number; all?: string }>;

export interface ConcurrencyMeasurement {
  /** Wall time of the whole `verify` process (start-up and reports included). */
  oneTargetMs: number;
  fourTargetsMs: number;
  /** fourTargetsMs / oneTargetMs: 1 = perfectly parallel, 4 = serial. */
  ratio: number;
  /** From the first cell's start to the last cell's end (results.json): the cells alone, without start-up. */
  oneTargetCellsMs: number;
  fourTargetsCellsMs: number;
  cellsRatio: number;
  /**
   * Cells in flight on average during the four-target run: the sum of the cells' durations over the
   * span of the cells. About 4 when the targets overlap, about 1 when they run one after the other —
   * whatever the machine's load makes each cell cost (the ratios above include that cost).
   */
  fourTargetsParallelism: number;
  /** Cells of each run, by verdict. */
  verdicts: { one: Record<string, number>; four: Record<string, number> };
  latencyMs: number;
  /** The verify arguments both runs used (besides --provider). */
  args: string[];
  outputs: { one: string; four: string };
}

/**
 * Measures the concurrency ratio: the same selection of cells for one latency-bound target, then
 * for four, each a whole `verify` process (wall time). `selection` defaults to the core suite on
 * openai-chat. The four runs use the default --concurrency (one per endpoint).
 */
export async function measureConcurrency(options: { upstream: string; latencyMs?: number; run: CliRunner; selection?: string[]; reportDir: (label: string) => string }): Promise<ConcurrencyMeasurement> {
  const latencyMs = options.latencyMs ?? 300;
  const args = ['verify', '--protocol', 'openai-chat', ...(options.selection ?? ['--suite', 'core'])];
  const timed = async (count: number) => {
    const targets = await startLatencyTargets({ upstream: options.upstream, count, latencyMs });
    const reportDir = options.reportDir(`${count}`);
    try {
      const started = performance.now();
      const result = await options.run([...args, '--provider', targets.providers.join(','), '--report-dir', reportDir], targets.env);
      return { ms: performance.now() - started, output: result.all ?? '', ...cellPhase(reportDir) };
    } finally {
      await targets.stop();
    }
  };
  const one = await timed(1);
  const four = await timed(4);
  return {
    oneTargetMs: Math.round(one.ms),
    fourTargetsMs: Math.round(four.ms),
    ratio: four.ms / one.ms,
    oneTargetCellsMs: one.cellsMs,
    fourTargetsCellsMs: four.cellsMs,
    cellsRatio: four.cellsMs / Math.max(1, one.cellsMs),
    fourTargetsParallelism: four.busyMs / Math.max(1, four.cellsMs),
    verdicts: { one: one.verdicts, four: four.verdicts },
    latencyMs,
    args,
    outputs: { one: one.output, four: four.output },
  };
}

/** The span of a run's cells (first start to last end), the sum of their durations and its verdict counts, from results.json. */
function cellPhase(reportDir: string): { cellsMs: number; busyMs: number; verdicts: Record<string, number> } {
  const run = readdirSync(reportDir).find((name) => name !== 'latest');
  if (!run) return { cellsMs: 0, busyMs: 0, verdicts: {} };
  const cells = (JSON.parse(readFileSync(join(reportDir, run, 'results.json'), 'utf8')) as { cells: Array<{ startedAt: string; durationMs: number; verdict: string }> }).cells;
  const ran = cells.filter((cell) => cell.durationMs > 0);
  const start = Math.min(...ran.map((cell) => Date.parse(cell.startedAt)));
  const end = Math.max(...ran.map((cell) => Date.parse(cell.startedAt) + cell.durationMs));
  const verdicts: Record<string, number> = {};
  for (const cell of cells) verdicts[cell.verdict] = (verdicts[cell.verdict] ?? 0) + 1;
  const busyMs = ran.reduce((sum, cell) => sum + cell.durationMs, 0);
  return { cellsMs: ran.length > 0 ? end - start : 0, busyMs, verdicts };
}
