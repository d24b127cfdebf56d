import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLlamaServer, type RunningServer } from '../../harness/endpoints/llama-server-launcher.ts';
import { runSetupScript } from '../../harness/endpoints/setup-scripts.ts';
import { inferenceThreads } from '../../harness/endpoints/thread-count.ts';
import { startFaultProxy, type FaultProxy } from '../../harness/testing/fault-proxy/fault-proxy.ts';
import type { FaultKind } from '../../harness/testing/fault-proxy/faults.ts';
import { measureConcurrency } from '../../harness/testing/latency-targets.ts';
import type { CellResult } from '../../harness/verdicts/verdict.ts';
import { readResults, runCli, runFolder, tempReportDir } from './cli-process.ts';

/**
 * Long runs (issue 9): the real CLI against a real llama-server behind the fault proxy. A hung
 * endpoint ends in about two timeouts with the circuit-open verdict; transient failures are
 * retried by the harness and every report says so; four latency-bound targets run in parallel.
 */
describe('long runs against llama-server behind the fault proxy', () => {
  let server: RunningServer | undefined;
  const proxies: FaultProxy[] = [];
  const proxy = async (fault: FaultKind) => {
    if (!server) throw new Error('no llama-server');
    const started = await startFaultProxy({ upstream: server.baseUrl, fault });
    proxies.push(started);
    return started;
  };

  beforeAll(async () => {
    const binary = await runSetupScript('llama-server.sh');
    const modelPath = await runSetupScript('model.sh');
    // Four slots: the concurrency case sends four targets' requests at once.
    server = await startLlamaServer({ binary, modelPath, alias: 'smollm2-135m-instruct', threads: inferenceThreads(), parallel: 4, logFile: join(tmpdir(), `llm-verify-long-runs-${process.pid}.log`) });
  }, 300_000);

  afterAll(async () => {
    await Promise.allSettled(proxies.map((entry) => entry.stop()));
    await server?.stop();
  });

  it('a hung endpoint costs about two timeouts: then the circuit opens and the rest are error [infra] at once', async () => {
    const hung = await proxy('hang');
    const reportDir = tempReportDir();
    const started = performance.now();
    const result = await runCli(['verify', '--provider', 'llama_cpp', '--base-url', hung.url, '--protocol', 'openai-chat', '--suite', 'core', '--timeout', '4000', '--report-dir', reportDir]);
    const wallMs = performance.now() - started;
    const cells = readResults(runFolder(reportDir)).cells;
    expect(result.exitCode, result.all).toBe(1);
    const timeouts = cells.filter((cell) => cell.kind === 'timeout' && cell.message === 'test deadline of 4000 ms passed');
    const open = cells.filter((cell) => cell.message?.startsWith('circuit open after 2 failures: test deadline of 4000 ms passed'));
    expect(timeouts.map((cell) => cell.test), result.all).toEqual(['basic_chat', 'system_prompt']);
    expect(open.length).toBe(cells.length - 4);
    for (const cell of open) expect(cell).toMatchObject({ verdict: 'error', layer: 'infra', durationMs: 0 });
    // The GET routes are not hung: health and listing pass.
    expect(cells.filter((cell) => cell.verdict === 'pass').map((cell) => cell.test).sort()).toEqual(['health_check', 'list_models']);
    // Time spent in cells: two deadlines (and the two quick GETs), not one deadline per cell.
    const inCells = cells.reduce((sum, cell) => sum + cell.durationMs, 0);
    expect(inCells).toBeLessThan(2 * 4000 + 3000);
    expect(result.all).toContain('circuit open after 2 failures');
    process.stderr.write(`\nhung endpoint: ${cells.length} cells, ${inCells} ms in cells, CLI wall ${Math.round(wallMs)} ms\n`);
  });

  it('a 429 is retried by the harness; the cell passes and every report says it needed a retry', async () => {
    const limited = await proxy('rate-limit-once');
    const reportDir = tempReportDir();
    const result = await runCli(['verify', '--provider', 'llama_cpp', '--base-url', limited.url, '--protocol', 'openai-chat', '--test', 'basic_chat', '--report-dir', reportDir]);
    expect(result.exitCode, result.all).toBe(0);
    const runDir = runFolder(reportDir);
    const [cell] = readResults(runDir).cells;
    expect(cell).toMatchObject({ verdict: 'pass', retries: [{ attempt: 1, reason: 'HTTP 429', request: 'POST /v1/chat/completions' }] });
    expect(readFileSync(join(runDir, 'junit.xml'), 'utf8')).toContain('passed after 1 retry (HTTP 429)');
    expect(readFileSync(join(runDir, 'matrix.md'), 'utf8')).toContain('✅ ↻');
    expect(readFileSync(join(runDir, 'matrix.html'), 'utf8')).toContain('passed after 1 retry (HTTP 429)');
    expect(result.all).toContain('retried: 1 cell (1 passed only after retries)');
    expect(result.all).toMatch(/PASS .*core\.basic_chat .*\(passed after 1 retry \(HTTP 429\)\)/);
  });

  it('a server that keeps answering 500 is retried --retries times, then the verdict is the endpoint\'s: fail [infra]', async () => {
    const failing = await proxy('chat-500');
    const reportDir = tempReportDir();
    const result = await runCli(['verify', '--provider', 'llama_cpp', '--base-url', failing.url, '--protocol', 'openai-chat', '--test', 'basic_chat', '--retries', '2', '--report-dir', reportDir]);
    expect(result.exitCode, result.all).toBe(1);
    const [cell] = readResults(runFolder(reportDir)).cells;
    expect(cell).toMatchObject({ verdict: 'fail', layer: 'infra', kind: 'server' });
    expect(cell?.retries?.map((entry) => entry.reason)).toEqual(['HTTP 500', 'HTTP 500']);
    expect(failing.requests).toBeGreaterThanOrEqual(3);
  });

  it('four latency-bound targets run in parallel: their cells overlap; one valid JSONL journal; a readable console', async () => {
    if (!server) throw new Error('no llama-server');
    const root = tempReportDir();
    const measured = await measureConcurrency({
      upstream: server.baseUrl,
      latencyMs: 300,
      run: (args, env) => runCli(args, env),
      selection: ['--suite', 'core'],
      reportDir: (label) => join(root, label),
    });
    process.stderr.write(
      `\nconcurrency (4 targets vs 1, +${measured.latencyMs} ms each request, core suite): CLI wall ${measured.oneTargetMs} → ${measured.fourTargetsMs} ms (ratio ${measured.ratio.toFixed(2)}); cells ${measured.oneTargetCellsMs} → ${measured.fourTargetsCellsMs} ms (ratio ${measured.cellsRatio.toFixed(2)}); cells in flight on average ${measured.fourTargetsParallelism.toFixed(2)}; verdicts ${JSON.stringify(measured.verdicts)}\n`,
    );
    expect(measured.verdicts.four.pass ?? 0, measured.outputs.four).toBeGreaterThanOrEqual(4 * (measured.verdicts.one.pass ?? 0) - 4);
    // The harness's part, whatever each cell costs on a loaded machine (the server's generation is
    // CPU-bound here, so the wall ratio measures the CPU as much as the harness): serial would keep
    // about 1 cell in flight, four parallel targets about 4.
    expect(measured.fourTargetsParallelism, measured.outputs.four).toBeGreaterThan(2.5);

    // The journal stays one valid JSONL file: one complete line per cell, no two lines for one cell.
    const runDir = runFolder(join(root, '4'));
    const lines = readFileSync(join(runDir, 'results.jsonl'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const journal = lines.map((line) => JSON.parse(line) as CellResult);
    const cells = readResults(runDir).cells;
    expect(journal).toHaveLength(cells.length);
    expect(new Set(journal.map((cell) => `${cell.provider}/${cell.test}`)).size).toBe(cells.length);
    // The console stays readable: whole lines, each a cell line or a progress line with done/total.
    const progress = measured.outputs.four.split('\n').filter((line) => line.startsWith('['));
    expect(progress.length).toBeGreaterThan(0);
    for (const line of progress) expect(line).toMatch(/^\[\s*\d+\/\d+\] (PASS|FAIL|ERROR|SKIP|UNSUP|FLAKY|\d+ pass · \d+ fail · \d+ error)/);
    expect(new Set(progress.map((line) => /\/(\d+)\]/.exec(line)?.[1])).size, 'one total throughout').toBe(1);
  });
});
