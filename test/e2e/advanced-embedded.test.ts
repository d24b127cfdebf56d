import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResults, runCli, runFolder, tempReportDir } from './cli-process.ts';

/**
 * The agent-loop and MCP tests through the real CLI, in-process model (no server to build). What a
 * 135M model writes decides pass or fail [model]; what is asserted here holds either way: every
 * cell gets a verdict (never error [harness]), the loop's termination reason is recorded and agrees
 * with the verdict, the MCP servers really ran (own test server over stdio and Streamable HTTP,
 * the official server-everything), and the matrix shows the termination.
 */
describe('verify --suite advanced --provider embedded (agent loops and MCP, real model, real MCP servers)', () => {
  const reportDir = tempReportDir();
  let exitCode: number | undefined;
  let output = '';
  let runDir = '';

  beforeAll(async () => {
    const tests = 'agent_cycle_limit,agent_timeout,mcp_tool_discovery,mcp_tool_error';
    const result = await runCli(['verify', '--suite', 'advanced', '--test', tests, '--provider', 'embedded', '--report-dir', reportDir]);
    exitCode = result.exitCode;
    output = result.all ?? '';
    runDir = runFolder(reportDir);
  });

  const cell = (test: string) => readResults(runDir).cells.find((entry) => entry.test === test);

  it('gives every cell a verdict, none of them our own bug', () => {
    expect([0, 1], output).toContain(exitCode);
    const cells = readResults(runDir).cells;
    expect(cells.map((entry) => entry.test).sort()).toEqual(['agent_cycle_limit', 'agent_timeout', 'mcp_tool_discovery', 'mcp_tool_error']);
    for (const entry of cells) {
      // agent_timeout alone may end in a timeout error: the model's first answer took longer than the deadline.
      if (entry.verdict === 'error') expect([entry.test, entry.kind], entry.message).toEqual(['agent_timeout', 'timeout']);
      else expect(['pass', 'fail'], `${entry.test}: ${entry.verdict} ${entry.layer ?? ''} ${entry.message ?? ''}`).toContain(entry.verdict);
      if (entry.verdict === 'fail') expect(entry.layer, entry.test).toBe('model');
    }
  });

  it('records why each agent loop ended, and the verdict agrees with it', () => {
    const cycle = cell('agent_cycle_limit');
    // The model keeps polling (max_cycles after 3 cycles: pass) or stops (completed: fail [model]).
    expect(cycle?.details?.termination).toBe(cycle?.verdict === 'pass' ? 'max_cycles' : 'completed');
    if (cycle?.verdict === 'pass') expect(cycle.details?.cycles).toBe(3);
    const timeout = cell('agent_timeout');
    // export_report never finishes: once called, the loop ends at its 20 s deadline with the tool aborted.
    const expected = { pass: 'timeout', fail: 'completed', error: 'timeout' } as const;
    expect(timeout?.details?.termination).toBe(expected[timeout?.verdict as keyof typeof expected]);
    if (timeout?.verdict === 'pass') {
      expect(timeout.details?.inFlight).toEqual({ kind: 'tool', name: 'export_report', aborted: true });
      expect((timeout.details?.agent as { elapsedMs: number }).elapsedMs).toBeLessThan(23_000);
    }
    const matrix = readFileSync(join(runDir, 'matrix.json'), 'utf8');
    expect(matrix).toContain(`"termination": "${String(timeout?.details?.termination)}"`);
  });

  it('ran the MCP servers: the test server over stdio and Streamable HTTP and server-everything listed their tools', () => {
    const servers = cell('mcp_tool_discovery')?.details?.mcpServers as Array<{ transport: string; server?: { name: string }; tools: string[] }>;
    expect(servers.map((server) => [server.transport, server.server?.name])).toEqual([
      ['stdio', 'llm-verify-test-server'],
      ['http', 'llm-verify-test-server'],
      ['stdio', expect.stringMatching(/everything/i)],
    ]);
    expect(servers[0]?.tools.sort()).toEqual(['add', 'check_service', 'inventory_totals', 'read_fixture']);
    expect(servers[2]?.tools).toContain('echo');
    const error = cell('mcp_tool_error');
    if (error?.verdict === 'pass') {
      expect(error.details?.mcpCalls).toEqual([expect.objectContaining({ name: 'check_service', isError: true })]);
    }
  });
});

describe('verify --mcp <command>: a user\'s own stdio MCP server replaces the test servers', () => {
  it('discovers and offers that server\'s tools', async () => {
    const reportDir = tempReportDir();
    const command = `${process.execPath} fixtures/mcp/test-server.ts`;
    const result = await runCli(['verify', '--suite', 'advanced', '--test', 'mcp_tool_discovery', '--provider', 'embedded', '--mcp', command, '--report-dir', reportDir]);
    expect([0, 1], result.all).toContain(result.exitCode);
    const runDir = runFolder(reportDir);
    const [discovery] = readResults(runDir).cells;
    expect(discovery?.verdict, discovery?.message).not.toBe('error');
    const servers = discovery?.details?.mcpServers as Array<{ source: string; transport: string }>;
    expect(servers).toEqual([expect.objectContaining({ source: command, transport: 'stdio' })]);
  });
});
