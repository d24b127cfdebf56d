import { describe, expect, it } from 'vitest';
import { readResults, runCli, runFolder, tempReportDir } from './cli-process.ts';

// The Ollama binary is built before any test starts (test/substrate.setup.ts), never skipped.
describe('verify --suite advanced --provider ollama --local ollama (the test model registered with the tools template)', () => {
  it("reaches Ollama's tool path live: tools are accepted, calls come back, results go in", async () => {
    const reportDir = tempReportDir();
    const result = await runCli(['verify', '--suite', 'advanced', '--test', 'mcp_tool_error,agent_cycle_limit', '--provider', 'ollama', '--local', 'ollama', '--protocol', 'ollama-native', '--report-dir', reportDir]);
    expect([0, 1], result.all).toContain(result.exitCode);
    const runDir = runFolder(reportDir);
    const cells = readResults(runDir).cells;
    expect(cells.map((cell) => cell.test).sort()).toEqual(['agent_cycle_limit', 'mcp_tool_error']);
    for (const cell of cells) {
      // Without a template that uses .Tools, Ollama answers HTTP 400 "does not support tools" (a protocol fail).
      expect(cell.message ?? '', cell.test).not.toMatch(/does not support tools/);
      expect(['pass', 'fail'], `${cell.test}: ${cell.verdict} ${cell.message ?? ''}`).toContain(cell.verdict);
      // ollama-native has no tool_choice: a call rests on the model (auto), so only the model can fail here.
      if (cell.verdict === 'fail') expect(cell.layer, `${cell.test}: ${cell.message}`).toBe('model');
      const rounds = cell.details?.rounds as Array<{ toolChoice?: unknown }> | undefined;
      expect(rounds?.[0]?.toolChoice, cell.test).toBe('auto');
    }
  });
});
