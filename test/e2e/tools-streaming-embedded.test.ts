import { describe, expect, it } from 'vitest';
import { readResults, runCli, runFolder, tempReportDir } from './cli-process.ts';

describe('tools and streaming suites on the embedded provider', () => {
  it('streams for real and gates what node-llama-cpp cannot do (tool_choice) as unsupported', async () => {
    const reportDir = tempReportDir();
    const result = await runCli(['verify', '--suite', 'tools,streaming', '--provider', 'embedded', '--report-dir', reportDir]);
    expect([0, 1], result.all).toContain(result.exitCode);
    const cells = readResults(runFolder(reportDir)).cells;
    const verdict = (test: string) => cells.find((cell) => cell.test === test);
    for (const test of ['basic_streaming', 'usage_in_stream', 'event_order', 'stream_abort', 'stream_matches_non_stream']) {
      expect(verdict(test)?.verdict, `${test}: ${verdict(test)?.message}`).toBe('pass');
    }
    expect(verdict('tool_choice_required')?.verdict).toBe('unsupported');
    expect(verdict('tool_schema_accepted')?.verdict).toBe('pass');
  });
});
