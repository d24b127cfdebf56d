import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../harness/endpoints/free-port.ts';
import { startLlamaServer, type RunningServer } from '../../harness/endpoints/llama-server-launcher.ts';
import { runSetupScript } from '../../harness/endpoints/setup-scripts.ts';
import { inferenceThreads } from '../../harness/endpoints/thread-count.ts';
import { startFaultProxy } from '../../harness/testing/fault-proxy/fault-proxy.ts';
import type { FaultKind } from '../../harness/testing/fault-proxy/faults.ts';
import type { CellResult } from '../../harness/verdicts/verdict.ts';
import { readResults, ROOT, runCli, runFolder, tempReportDir } from './cli-process.ts';

/**
 * The real CLI against a real llama-server behind the project's fault proxy, one broken wire
 * contract at a time (openai-chat). For each fault: the cells it breaks must not pass, and must
 * get the verdict and layer that name who failed. The unbroken proxy still passes what the server
 * passes. Tool-call faults use the forcing template (a deterministic call to get_time).
 */
type Expected = { verdict: CellResult['verdict']; layer?: CellResult['layer']; kind?: CellResult['kind'] };
interface FaultCase {
  fault: FaultKind | 'dead-port';
  server: 'plain' | 'forced-tool';
  tests: string[];
  expect: Record<string, Expected>;
  exitCode: 0 | 1;
  /** --timeout in ms (default 60000). */
  timeout?: string;
}

const fail = (layer: CellResult['layer'], kind?: CellResult['kind']): Expected => ({ verdict: 'fail', layer, ...(kind ? { kind } : {}) });
const error = (layer: CellResult['layer'], kind?: CellResult['kind']): Expected => ({ verdict: 'error', layer, ...(kind ? { kind } : {}) });
const pass: Expected = { verdict: 'pass' };

export const FAULT_CASES: FaultCase[] = [
  { fault: 'none', server: 'plain', tests: ['health_check', 'list_models', 'basic_chat', 'usage_accounting', 'basic_streaming', 'usage_in_stream', 'event_order'], expect: { health_check: pass, list_models: pass, basic_chat: pass, usage_accounting: pass, basic_streaming: pass, usage_in_stream: pass, event_order: pass }, exitCode: 0 },
  { fault: 'stream-reset', server: 'plain', tests: ['basic_streaming'], expect: { basic_streaming: fail('transport') }, exitCode: 1 },
  { fault: 'stream-clean-cut', server: 'plain', tests: ['basic_streaming', 'event_order'], expect: { basic_streaming: fail('protocol'), event_order: fail('protocol') }, exitCode: 1 },
  // An error object inside the 200 stream is the server's own report of failing mid-answer: infra, never our bug.
  { fault: 'stream-error-event', server: 'plain', tests: ['basic_streaming'], expect: { basic_streaming: fail('infra') }, exitCode: 1 },
  { fault: 'no-finish-reason', server: 'plain', tests: ['basic_chat', 'basic_streaming'], expect: { basic_chat: fail('protocol'), basic_streaming: fail('protocol') }, exitCode: 1 },
  { fault: 'wrong-finish-reason', server: 'plain', tests: ['basic_chat'], expect: { basic_chat: fail('protocol') }, exitCode: 1 },
  { fault: 'missing-tool-call-id', server: 'forced-tool', tests: ['tool_choice_required'], expect: { tool_choice_required: fail('protocol') }, exitCode: 1 },
  { fault: 'invalid-tool-arguments', server: 'forced-tool', tests: ['tool_choice_required'], expect: { tool_choice_required: fail('parser') }, exitCode: 1 },
  { fault: 'wrong-usage-sums', server: 'plain', tests: ['usage_accounting'], expect: { usage_accounting: fail('protocol') }, exitCode: 1 },
  { fault: 'no-usage', server: 'plain', tests: ['usage_accounting', 'usage_in_stream'], expect: { usage_accounting: fail('protocol'), usage_in_stream: fail('protocol') }, exitCode: 1 },
  { fault: 'ignored-stop', server: 'plain', tests: ['stop_sequences'], expect: { stop_sequences: fail('protocol') }, exitCode: 1 },
  { fault: 'leaked-template-tokens', server: 'plain', tests: ['no_leaked_template_tokens'], expect: { no_leaked_template_tokens: fail('protocol') }, exitCode: 1 },
  { fault: 'empty-content', server: 'plain', tests: ['basic_chat'], expect: { basic_chat: fail('model') }, exitCode: 1 },
  { fault: 'duplicated-chunks', server: 'plain', tests: ['event_order'], expect: { event_order: fail('protocol') }, exitCode: 1 },
  { fault: 'listing-401', server: 'plain', tests: ['list_models', 'basic_chat'], expect: { list_models: fail('protocol', 'auth'), basic_chat: fail('protocol', 'auth') }, exitCode: 1 },
  { fault: 'health-500', server: 'plain', tests: ['health_check'], expect: { health_check: fail('infra') }, exitCode: 1 },
  { fault: 'rate-limit-once', server: 'plain', tests: ['basic_chat'], expect: { basic_chat: pass }, exitCode: 0 },
  { fault: 'rate-limit-always', server: 'plain', tests: ['basic_chat'], expect: { basic_chat: error('infra', 'rate_limit') }, exitCode: 1 },
  { fault: 'chat-500', server: 'plain', tests: ['basic_chat'], expect: { basic_chat: fail('infra', 'server') }, exitCode: 1 },
  { fault: 'hang', server: 'plain', tests: ['basic_chat'], expect: { basic_chat: error('transport', 'timeout') }, exitCode: 1, timeout: '4000' },
  { fault: 'dead-port', server: 'plain', tests: ['health_check', 'basic_chat'], expect: { health_check: error('infra', 'network'), basic_chat: error('infra', 'network') }, exitCode: 1 },
];

const FORCED_TEMPLATE = join(ROOT, 'fixtures/chat-templates/smollm2-required-get-time.jinja');

describe('verdicts against broken endpoints (real llama-server behind the fault proxy, openai-chat)', () => {
  const servers: Partial<Record<FaultCase['server'], RunningServer>> = {};
  const seen: string[] = [];

  beforeAll(async () => {
    const binary = await runSetupScript('llama-server.sh');
    const modelPath = await runSetupScript('model.sh');
    const common = { binary, modelPath, alias: 'smollm2-135m-instruct', threads: inferenceThreads() };
    servers.plain = await startLlamaServer({ ...common, logFile: join(tmpdir(), `llm-verify-faults-plain-${process.pid}.log`) });
    servers['forced-tool'] = await startLlamaServer({ ...common, logFile: join(tmpdir(), `llm-verify-faults-tool-${process.pid}.log`), chatTemplateFile: FORCED_TEMPLATE });
  }, 300_000);

  afterAll(async () => {
    await Promise.allSettled(Object.values(servers).map((server) => server?.stop()));
  });

  it.each(FAULT_CASES.map((entry) => [entry.fault, entry] as const))('%s', async (_name, entry) => {
    const upstream = servers[entry.server];
    if (!upstream) throw new Error(`no ${entry.server} llama-server`);
    const proxy = entry.fault === 'dead-port' ? undefined : await startFaultProxy({ upstream: upstream.baseUrl, fault: entry.fault });
    const baseUrl = proxy?.url ?? `http://127.0.0.1:${await freeLoopbackPort()}`;
    const reportDir = tempReportDir();
    try {
      const result = await runCli(['verify', '--provider', 'llama_cpp', '--base-url', baseUrl, '--protocol', 'openai-chat', '--test', entry.tests.join(','), '--report-dir', reportDir, '--timeout', entry.timeout ?? '60000']);
      const runDir = runFolder(reportDir);
      const cells = readResults(runDir).cells;
      for (const [test, expected] of Object.entries(entry.expect)) {
        const cell = cells.find((candidate) => candidate.test === test);
        const got = { verdict: cell?.verdict, layer: cell?.layer, kind: cell?.kind };
        seen.push(`| ${entry.fault} | ${test} | ${got.verdict}${got.layer ? ` [${got.layer}]` : ''}${got.kind ? ` ${got.kind}` : ''} | ${cell?.message?.slice(0, 90).replace(/\|/g, '/') ?? ''} |`);
        expect(cell, `${entry.fault}: no cell for ${test}\n${result.all}`).toBeDefined();
        expect(got, `${entry.fault} → ${test}: ${cell?.message}`).toMatchObject(expected);
        if (entry.fault !== 'none' && entry.fault !== 'rate-limit-once') expect(cell?.verdict).not.toBe('pass');
      }
      expect(result.exitCode, result.all).toBe(entry.exitCode);
      if (entry.fault === 'rate-limit-once') expect(proxy?.requests, 'the 429 was retried').toBeGreaterThan(entry.tests.length + 2);
    } finally {
      await proxy?.stop();
    }
  });

  it('a dead configured endpoint is skipped, exit 0, only with --skip-unreachable', async () => {
    const reportDir = tempReportDir();
    const result = await runCli(['verify', '--provider', 'llama_cpp', '--base-url', `http://127.0.0.1:${await freeLoopbackPort()}`, '--protocol', 'openai-chat', '--test', 'basic_chat', '--skip-unreachable', '--report-dir', reportDir]);
    const runDir = runFolder(reportDir);
    expect(readResults(runDir).cells.map((cell) => cell.verdict)).toEqual(['skipped']);
    expect(result.exitCode, result.all).toBe(0);
  });

  afterAll(() => {
    // The table for the issue note: fault → test → verdict [layer] kind — message.
    process.stderr.write(`\n| fault | test | verdict | message |\n| --- | --- | --- | --- |\n${seen.join('\n')}\n`);
  });
});
