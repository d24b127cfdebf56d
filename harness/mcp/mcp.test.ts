import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_DOWN, startHttpTestServer, TEST_SERVER_FILE } from '../../fixtures/mcp/test-server.ts';
import { ToolError } from '../tool-loop/tool-error.ts';
import { connectMcp, type McpConnection } from './mcp-client.ts';
import { parseMcpSource, splitCommandLine } from './mcp-source.ts';
import { conversionLosses, mcpRegisteredTools, resultText, toToolSpec } from './mcp-tools.ts';

const signal = () => new AbortController().signal;

describe('parseMcpSource', () => {
  it('a URL is Streamable HTTP, anything else a stdio command line', () => {
    expect(parseMcpSource('http://127.0.0.1:3001/mcp')).toEqual({ kind: 'http', url: 'http://127.0.0.1:3001/mcp', label: 'http://127.0.0.1:3001/mcp' });
    expect(parseMcpSource(`node "my server.js" --root '/tmp/a b'`)).toMatchObject({ kind: 'stdio', command: 'node', args: ['my server.js', '--root', '/tmp/a b'] });
    expect(splitCommandLine('npx  -y pkg ""')).toEqual(['npx', '-y', 'pkg', '']);
  });
  it('bad values are usage errors that say what to give', () => {
    expect(() => parseMcpSource('  ')).toThrow(/command \(stdio server\) or an http\(s\) URL/);
    expect(() => parseMcpSource('ws://host/mcp')).toThrow(/only http\(s\) URLs/);
    expect(() => parseMcpSource('node "unclosed')).toThrow(/unbalanced/);
  });
});

describe('the harness as MCP client, against the project test server (real stdio child and real HTTP server)', () => {
  let http: Awaited<ReturnType<typeof startHttpTestServer>>;
  const connections: McpConnection[] = [];
  beforeAll(async () => {
    http = await startHttpTestServer();
  });
  afterAll(async () => {
    await Promise.allSettled(connections.map((connection) => connection.close()));
    await http.close();
  });

  for (const transport of ['stdio', 'http'] as const) {
    it(`${transport}: lists the four tools, converts them without loss, calls them`, async () => {
      const source = transport === 'stdio' ? parseMcpSource(`${process.execPath} ${TEST_SERVER_FILE}`) : parseMcpSource(http.url);
      const connection = await connectMcp(source);
      connections.push(connection);
      expect(connection.server?.name).toBe('llm-verify-test-server');
      const tools = await connection.listTools(signal());
      expect(tools.map((tool) => tool.name).sort()).toEqual(['add', 'check_service', 'inventory_totals', 'read_fixture']);
      for (const tool of tools) expect(conversionLosses(tool, toToolSpec(tool))).toEqual([]);
      const add = toToolSpec(tools.find((tool) => tool.name === 'add')!);
      expect(add.parameters).toMatchObject({ type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] });

      const calls: Parameters<typeof mcpRegisteredTools>[2] = [];
      const registered = Object.fromEntries(mcpRegisteredTools(connection, tools, calls).map((tool) => [tool.spec.name, tool]));
      expect(await registered.add?.execute({ a: 1234, b: 4321 })).toBe('1234 + 4321 = 5555');
      expect(await registered.read_fixture?.execute({ path: 'greeting.txt' })).toMatch(/marmalade/i);
      expect(JSON.parse(String(await registered.inventory_totals?.execute({})))).toEqual({ items: 3, units: 49, value: 17.25 });
      await expect(registered.check_service?.execute({ service: 'billing' })).rejects.toThrow(new ToolError(SERVICE_DOWN));
      await expect(registered.read_fixture?.execute({ path: '../package.json' })).rejects.toBeInstanceOf(ToolError);
      expect(calls.map((call) => [call.name, call.result?.isError ?? false])).toEqual([['add', false], ['read_fixture', false], ['inventory_totals', false], ['check_service', true], ['read_fixture', true]]);
      expect(calls[2]?.result?.structuredContent).toEqual({ items: 3, units: 49, value: 17.25 });
    });
  }

  it('the official server-everything: every tool converts without loss', async () => {
    const entry = createRequire(import.meta.url).resolve('@modelcontextprotocol/server-everything/dist/index.js');
    const connection = await connectMcp({ kind: 'stdio', command: process.execPath, args: [entry, 'stdio'], label: 'everything' });
    connections.push(connection);
    const tools = await connection.listTools(signal());
    expect(tools.map((tool) => tool.name)).toContain('echo');
    for (const tool of tools) expect({ tool: tool.name, losses: conversionLosses(tool, toToolSpec(tool)) }).toEqual({ tool: tool.name, losses: [] });
    const echo = mcpRegisteredTools(connection, tools).find((tool) => tool.spec.name === 'echo');
    expect(await echo?.execute({ message: 'hello' })).toContain('hello');
  });

  it('resultText: structured content without text is sent as JSON; images are named', () => {
    expect(resultText({ content: [], structuredContent: { a: 1 } })).toBe('{"a":1}');
    expect(resultText({ content: [{ type: 'image', data: 'AA==', mimeType: 'image/png' }] })).toBe('[image image/png]');
  });
});
