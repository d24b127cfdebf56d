import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResults, runCli, tempReportDir, validateJunit } from './cli-process.ts';

const PROTOCOLS = ['openai-chat', 'openai-responses', 'anthropic-messages'];

async function verify(args: string[], env: Record<string, string> = {}) {
  const reportDir = tempReportDir();
  const result = await runCli(['verify', '--provider', 'llama_cpp', '--local', 'llama_cpp', '--report-dir', reportDir, ...args], env);
  const runDir = join(reportDir, readdirSync(reportDir).find((name) => name !== 'latest') ?? 'missing');
  return { result, runDir, cells: readResults(runDir).cells };
}

describe('tools and streaming suites against the real llama-server', () => {
  it('give every cell a verdict on all three protocols, with real streaming passing protocol checks', async () => {
    const { result, runDir, cells } = await verify(['--suite', 'tools,streaming']);
    expect([0, 1], result.all).toContain(result.exitCode);
    const per = cells.length / PROTOCOLS.length;
    for (const protocol of PROTOCOLS) expect(cells.filter((cell) => cell.protocol === protocol)).toHaveLength(per);
    const verdict = (protocol: string, test: string) => cells.find((cell) => cell.protocol === protocol && cell.test === test);
    for (const protocol of PROTOCOLS) {
      for (const test of ['basic_streaming', 'usage_in_stream', 'event_order', 'stream_abort', 'time_to_first_token']) {
        expect(verdict(protocol, test)?.verdict, `${protocol} ${test}: ${verdict(protocol, test)?.message}`).toBe('pass');
      }
      expect(typeof verdict(protocol, 'basic_streaming')?.details?.ttftMs).toBe('number');
      // SmolLM2's own template has no tools section: llama-server ignores tools, even with tool_choice "required".
      const required = verdict(protocol, 'tool_choice_required');
      expect(required?.verdict).toBe('fail');
      expect(required?.layer).toBe('protocol');
      expect(verdict(protocol, 'parallel_tool_calls')?.verdict).toBe('unsupported');
    }
    expect(verdict('openai-chat', 'stream_matches_non_stream')?.verdict).toBe('pass');
    expect(validateJunit(join(runDir, 'junit.xml')).valid).toBe(true);
  });

  // Only the OpenAI protocols carry temperature 0; Anthropic's (API 2026-10-21) samples at the
  // server's default temperature, so its forced call's arguments vary from run to run.
  it('pass the tool-call protocol checks when the template lets llama-server force the call (grammar)', async () => {
    const { cells } = await verify(['--suite', 'tools', '--test', 'tool_choice_required', '--protocol', 'openai-chat,openai-responses'], {
      LLAMA_CPP_CHAT_TEMPLATE_FILE: 'fixtures/chat-templates/smollm2-required-cohere2moe.jinja',
    });
    expect(cells).toHaveLength(2);
    for (const cell of cells) expect(cell.verdict, `${cell.protocol}: ${cell.message}`).toBe('pass');
  });
});
