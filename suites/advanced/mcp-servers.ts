import { createRequire } from 'node:module';
import { startHttpTestServer, TEST_SERVER_FILE } from '../../fixtures/mcp/test-server.ts';
import type { McpSource } from '../../harness/suite/mcp.ts';

const require = createRequire(import.meta.url);

/** The project's own MCP test server over stdio: a child `node fixtures/mcp/test-server.ts`. */
export const ownStdioServer: McpSource = { kind: 'stdio', command: process.execPath, args: [TEST_SERVER_FILE], label: 'llm-verify test server (stdio)' };

/** The official reference server @modelcontextprotocol/server-everything, over stdio. */
export function everythingServer(): McpSource {
  const entry = require.resolve('@modelcontextprotocol/server-everything/dist/index.js');
  return { kind: 'stdio', command: process.execPath, args: [entry, 'stdio'], label: '@modelcontextprotocol/server-everything (stdio)' };
}

/** Runs `body` with the project's own test server served over Streamable HTTP on loopback, then stops it. */
export async function withOwnHttpServer<T>(body: (source: McpSource) => Promise<T>): Promise<T> {
  const served = await startHttpTestServer();
  try {
    return await body({ kind: 'http', url: served.url, label: 'llm-verify test server (Streamable HTTP)' });
  } finally {
    await served.close();
  }
}
