import { defineSuite } from '../../harness/suite/define.ts';
import { agentTests } from './agent-tests.ts';
import { mcpTests } from './mcp-tests.ts';

/**
 * Advanced: agent loops (termination by answer, cycle limit, deadline, error recovery) and MCP tools
 * through each protocol. One list per concern, kept in its own file.
 */
export const advancedSuite = defineSuite({
  id: 'advanced',
  description: 'Agent loops (multi-step, cycle limit, timeout, tool error recovery) and MCP tools (discovery, call, error)',
  tests: [...agentTests, ...mcpTests],
});
