import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { HARNESS_VERSION } from '../version.ts';
import type { McpSource } from './mcp-source.ts';

export type { CallToolResult, Tool as McpTool } from '@modelcontextprotocol/sdk/types.js';

/** A connected MCP server: its tools, calls, and how to close it (stops a stdio server's process). */
export interface McpConnection {
  source: McpSource;
  /** What the server said it is in its initialize answer. */
  server: { name: string; version: string } | undefined;
  listTools(signal?: AbortSignal): Promise<Tool[]>;
  callTool(name: string, args: Record<string, unknown>, signal?: AbortSignal): Promise<CallToolResult>;
  close(): Promise<void>;
}

function transportFor(source: McpSource): Transport {
  if (source.kind === 'http') return new StreamableHTTPClientTransport(new URL(source.url));
  // stderr is piped away from the run's console (the server's logs are not ours to print).
  return new StdioClientTransport({ command: source.command, args: source.args, stderr: 'ignore', ...(source.cwd ? { cwd: source.cwd } : {}) });
}

/** Connects the harness as an MCP client (the official SDK) to a server over stdio or Streamable HTTP. */
export async function connectMcp(source: McpSource, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<McpConnection> {
  const client = new Client({ name: 'llm-verify', version: HARNESS_VERSION });
  const timeout = options.timeoutMs ?? 30_000;
  await client.connect(transportFor(source), { signal: options.signal, timeout });
  const info = client.getServerVersion();
  return {
    source,
    server: info ? { name: info.name, version: info.version } : undefined,
    async listTools(signal) {
      const tools: Tool[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.listTools(cursor ? { cursor } : undefined, { signal, timeout });
        tools.push(...page.tools);
        cursor = page.nextCursor;
      } while (cursor);
      return tools;
    },
    async callTool(name, args, signal) {
      return (await client.callTool({ name, arguments: args }, undefined, { signal, timeout })) as CallToolResult;
    },
    close: () => client.close(),
  };
}
