import { readdirSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { measureProcess } from './process-stats.ts';

/** Four OpenAI-compatible providers, each with its own base-URL variable (the path their protocols add). */
const TARGETS = [
  { id: 'llama_cpp', env: 'LLAMA_CPP_BASE_URL', path: '' },
  { id: 'vllm', env: 'VLLM_BASE_URL', path: '' },
  { id: 'lm_studio', env: 'LM_STUDIO_BASE_URL', path: '' },
  { id: 'openai_compatible', env: 'OPENAI_COMPATIBLE_BASE_URL', path: '/v1' },
] as const;

/** A loopback proxy adding `latencyMs` before each request reaches the upstream (a network-bound endpoint). */
function latencyProxy(upstream: string, latencyMs: number): Promise<{ url: string; server: Server }> {
  const target = new URL(upstream);
  const server = createServer((req, res) => {
    setTimeout(() => {
      const forward = httpRequest({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => res.destroy());
      req.pipe(forward);
    }, latencyMs);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

export interface ConcurrencyResult {
  latencyMs: number;
  oneTargetMs: number;
  fourTargetsMs: number;
  /** fourTargetsMs / oneTargetMs: 1 = perfectly parallel, 4 = serial. */
  ratio: number;
  cells: { one: number; four: number };
}

/**
 * Bench (c): the core suite on openai-chat against one latency-bound target, then against four
 * (llama_cpp, vllm, lm_studio, openai_compatible, each behind its own proxy adding `latencyMs` per
 * request, all in front of the bench's llama-server), each a whole `verify` process with its
 * default concurrency. Wall time of the process.
 */
export async function measureConcurrencyRatio(options: { upstream: string; cli: string; env: NodeJS.ProcessEnv; cwd: string; reportDir: (label: string) => string; latencyMs?: number }): Promise<ConcurrencyResult> {
  const latencyMs = options.latencyMs ?? 300;
  const timed = async (count: number) => {
    const chosen = TARGETS.slice(0, count);
    const proxies = await Promise.all(chosen.map(() => latencyProxy(options.upstream, latencyMs)));
    const env: NodeJS.ProcessEnv = { ...options.env };
    for (const target of TARGETS) delete env[target.env];
    chosen.forEach((target, index) => (env[target.env] = `${proxies[index]?.url}${target.path}`));
    const reportDir = options.reportDir(String(count));
    try {
      const stats = await measureProcess(process.execPath, [options.cli, 'verify', '--suite', 'core', '--protocol', 'openai-chat', '--provider', chosen.map((target) => target.id).join(','), '--report-dir', reportDir], { env, cwd: options.cwd });
      const run = readdirSync(reportDir).find((name) => name !== 'latest') ?? '';
      const summary = /llm-verify: (\d+) cells/.exec(stats.stdout);
      return { ms: stats.wallMs, cells: Number(summary?.[1] ?? 0), runDir: join(reportDir, run) };
    } finally {
      await Promise.all(proxies.map((proxy) => new Promise<void>((resolve) => proxy.server.close(() => resolve()))));
    }
  };
  const one = await timed(1);
  const four = await timed(4);
  return { latencyMs, oneTargetMs: Math.round(one.ms), fourTargetsMs: Math.round(four.ms), ratio: four.ms / one.ms, cells: { one: one.cells, four: four.cells } };
}
