import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../harness/endpoints/llama-server-launcher.ts';
import { startOllamaEndpoint } from '../../harness/endpoints/ollama-local.ts';
import { runSetupScript } from '../../harness/endpoints/setup-scripts.ts';
import { startFaultProxy, type FaultProxy } from '../../harness/testing/fault-proxy/fault-proxy.ts';
import { readResults, ROOT, runCli, runFolder, tempReportDir } from './cli-process.ts';

/**
 * The nightly job's three local targets at once — llama_cpp, ollama (both started by the CLI) and
 * embedded — against the checked-in llm-verify.baseline.json, then the same with Ollama broken behind
 * the project's fault proxy (every POST answers HTTP 500). Only protocol-fact cells (health_check,
 * invalid_model), so nothing rides on what the 135M model writes.
 */
const BASELINE = join(ROOT, 'llm-verify.baseline.json');
const NIGHTLY = ['verify', '--suite', 'core', '--provider', 'llama_cpp,ollama,embedded', '--test', 'health_check,invalid_model', '--baseline', BASELINE];
const GREEDY = { LLAMA_ARG_TEMPERATURE: '0' };

describe('nightly-style run over llama_cpp + ollama + embedded with the checked-in baseline', () => {
  let ollama: RunningServer | undefined;
  let proxy: FaultProxy | undefined;

  beforeAll(async () => {
    const modelPath = await runSetupScript('model.sh');
    ollama = await startOllamaEndpoint({ modelPath, modelName: 'smollm2-135m-instruct:latest', logFile: join(tmpdir(), `llm-verify-nightly-ollama-${process.pid}.log`), log: () => undefined });
    proxy = await startFaultProxy({ upstream: ollama.baseUrl, fault: 'chat-500' });
  });

  afterAll(async () => {
    await proxy?.stop();
    await ollama?.stop();
  });

  it('exits 0 with only known failures; every Ollama cell ran', async () => {
    const reportDir = tempReportDir();
    const result = await runCli([...NIGHTLY, '--local', 'llama_cpp,ollama', '--report-dir', reportDir], GREEDY);
    expect(result.exitCode, result.all).toBe(0);
    const { cells, totals } = readResults(runFolder(reportDir));
    expect(cells).toHaveLength(16);
    expect(cells.filter((cell) => cell.provider === 'ollama').map((cell) => `${cell.protocol} ${cell.test} ${cell.verdict}`).sort()).toEqual(
      ['anthropic-messages', 'ollama-native', 'openai-chat', 'openai-responses'].flatMap((protocol) => [`${protocol} health_check pass`, `${protocol} invalid_model pass`]),
    );
    expect(totals.baseline).toEqual({ known: 3, new: 0, stale: 0 });
  });

  it('exits 1 when Ollama breaks (HTTP 500 on every POST), naming the new failures and nothing else', async () => {
    const reportDir = tempReportDir();
    const result = await runCli([...NIGHTLY, '--local', 'llama_cpp', '--report-dir', reportDir], { ...GREEDY, OLLAMA_BASE_URL: proxy?.url ?? '' });
    expect(result.exitCode, result.all).toBe(1);
    const { cells, totals } = readResults(runFolder(reportDir));
    const fresh = cells.filter((cell) => cell.baseline?.status === 'new');
    expect(fresh.length, result.all).toBeGreaterThan(0);
    for (const cell of fresh) expect(`${cell.provider} ${cell.test}`).toBe('ollama invalid_model');
    expect(totals.baseline?.known).toBe(3);
    expect(result.all).toMatch(/NEW {4}ollama\/smollm2-135m-instruct:latest\/\S+\/core\.invalid_model — /);
  });
});
