import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResults, runCli, runFolder, tempReportDir, validateJunit } from './cli-process.ts';

const PROTOCOLS = ['openai-chat', 'openai-responses', 'anthropic-messages'];

async function verify(args: string[], env: Record<string, string> = {}) {
  const reportDir = tempReportDir();
  const result = await runCli(['verify', '--provider', 'llama_cpp', '--local', 'llama_cpp', '--report-dir', reportDir, ...args], env);
  const runDir = runFolder(reportDir);
  return { result, runDir, cells: readResults(runDir).cells };
}

describe('tools and streaming suites against the real llama-server', () => {
  it('give every cell a verdict on all three protocols, with real streaming passing protocol checks', async () => {
    // anthropic-messages cannot carry a temperature: LLAMA_ARG_TEMPERATURE makes llama-server's default greedy.
    const { result, runDir, cells } = await verify(['--suite', 'tools,streaming'], { LLAMA_ARG_TEMPERATURE: '0' });
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
    expect(await validateJunit(join(runDir, 'junit.xml'))).toEqual({ valid: true, errors: [] });
  });

  // The pass path, deterministic: this template puts the whole get_time call into the generation
  // prompt, which llama-server prefills into its "required" grammar, so the model can only end its
  // turn. What the 135M model would write plays no part; the server's grammar, tool-call parser,
  // call id and finish reason and our adapters' mapping of them do. (The fail path is the test above.)
  it('pass the tool-call protocol checks when the template makes llama-server force the call (prefilled get_time call)', async () => {
    const { cells } = await verify(['--suite', 'tools', '--test', 'tool_choice_required'], {
      LLAMA_CPP_CHAT_TEMPLATE_FILE: 'fixtures/chat-templates/smollm2-required-get-time.jinja',
    });
    expect(cells.map((cell) => cell.protocol).sort()).toEqual([...PROTOCOLS].sort());
    for (const cell of cells) {
      expect(cell.verdict, `${cell.protocol}: ${cell.message}`).toBe('pass');
      expect(cell.details?.toolCalls, cell.protocol).toMatch(/^get_time\(\{\}\)#\S+$/);
    }
  });
});
