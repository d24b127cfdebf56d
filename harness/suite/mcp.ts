import { connectMcp, type McpConnection, type McpTool } from '../mcp/mcp-client.ts';
import type { McpSource } from '../mcp/mcp-source.ts';
import { conversionLosses, mcpRegisteredTools, toToolSpec, type McpCallRecord } from '../mcp/mcp-tools.ts';
import type { RegisteredTool } from '../tool-loop/types.ts';
import { harnessCheck, infraCheck, protocolCheck } from '../verdicts/check-failure.ts';
import type { TestContext } from './define.ts';

export type { McpSource } from '../mcp/mcp-source.ts';
export type { McpCallRecord } from '../mcp/mcp-tools.ts';
export { resultText } from '../mcp/mcp-tools.ts';

/** A connected MCP server with its tools, ready for the tool loop. */
export interface McpSession {
  connection: McpConnection;
  tools: McpTool[];
  registered: RegisteredTool[];
  /** Every call the loop made through MCP, in order. */
  calls: McpCallRecord[];
}

/**
 * Connects to an MCP server and lists its tools. A server that cannot be started or reached is
 * infrastructure (the MCP server is not the endpoint under test): infra, with what failed.
 */
export async function openMcp(context: TestContext, source: McpSource): Promise<McpSession> {
  let connection: McpConnection;
  try {
    connection = await connectMcp(source, { signal: context.signal });
  } catch (error) {
    infraCheck(false, `could not connect to the MCP server ${source.label} (${source.kind}): ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const tools = await connection.listTools(context.signal);
    const calls: McpCallRecord[] = [];
    return { connection, tools, registered: mcpRegisteredTools(connection, tools, calls), calls };
  } catch (error) {
    await connection.close().catch(() => undefined);
    protocolCheck(false, `the MCP server ${source.label} failed tools/list: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Runs `body` with the servers connected, and closes them (stops stdio servers) whatever happens. */
export async function withMcp<T>(context: TestContext, sources: readonly McpSource[], body: (sessions: McpSession[]) => Promise<T>): Promise<T> {
  const sessions: McpSession[] = [];
  try {
    for (const source of sources) sessions.push(await openMcp(context, source));
    return await body(sessions);
  } finally {
    await Promise.allSettled(sessions.map((session) => session.connection.close()));
  }
}

/**
 * Every tool of a session converts to a tool spec without loss (harness: the conversion is ours)
 * and has an input schema ajv compiles (protocol: the MCP server's own contract). Records each
 * server's tool list in the cell's details.
 */
export function checkConversion(context: TestContext, sessions: readonly McpSession[]): void {
  context.record(
    'mcpServers',
    sessions.map((session) => ({
      source: session.connection.source.label,
      transport: session.connection.source.kind,
      server: session.connection.server,
      tools: session.tools.map((tool) => tool.name),
    })),
  );
  for (const session of sessions) {
    const label = session.connection.source.label;
    protocolCheck(session.tools.length > 0, `the MCP server ${label} lists no tools`);
    for (const tool of session.tools) {
      const losses = conversionLosses(tool, toToolSpec(tool));
      const schemaLosses = losses.filter((loss) => loss.startsWith('schema not compilable') || loss.startsWith('input schema type'));
      protocolCheck(schemaLosses.length === 0, `the MCP server ${label}'s tool ${tool.name} has an unusable input schema: ${schemaLosses.join('; ')}`);
      harnessCheck(losses.length === 0, `converting ${label}'s tool ${tool.name} lost: ${losses.join('; ')}`);
    }
  }
}

/** The MCP servers the user named with --mcp (none: the suites use their own). */
export function userMcpServers(context: TestContext): readonly McpSource[] {
  return context.mcpServers ?? [];
}
