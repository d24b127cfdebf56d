import { isDeepStrictEqual } from 'node:util';
import type { JsonSchema, ToolSpec } from '../contract/tools.ts';
import { ToolError } from '../tool-loop/tool-error.ts';
import type { RegisteredTool } from '../tool-loop/types.ts';
import { createArgumentValidator } from '../tool-loop/validate-arguments.ts';
import type { CallToolResult, McpConnection, McpTool } from './mcp-client.ts';

/**
 * An MCP tool as the protocols' tool spec: same name, the description (or the title when the
 * server gave no description), and the input schema unchanged (JSON Schema either way).
 */
export function toToolSpec(tool: McpTool): ToolSpec {
  return { name: tool.name, description: tool.description ?? tool.title ?? '', parameters: tool.inputSchema as JsonSchema };
}

/** What the conversion lost or could not carry, per field; empty when it is lossless. */
export function conversionLosses(tool: McpTool, spec: ToolSpec): string[] {
  const losses: string[] = [];
  if (spec.name !== tool.name) losses.push(`name ${JSON.stringify(tool.name)} became ${JSON.stringify(spec.name)}`);
  if ((tool.description ?? tool.title ?? '') !== spec.description) losses.push(`description changed`);
  if (!isDeepStrictEqual(spec.parameters, tool.inputSchema)) losses.push('input schema changed');
  if (spec.parameters.type !== 'object') losses.push(`input schema type is ${JSON.stringify(spec.parameters.type)}, tool specs need "object"`);
  const compiled = createArgumentValidator(spec.parameters);
  if (compiled.compileError !== undefined) losses.push(compiled.compileError);
  return losses;
}

/**
 * A tool result as the text a model sees: text parts as they are; structured content (when the
 * server sent no text for it) as JSON; images, audio and resources as a short note naming them.
 */
export function resultText(result: CallToolResult): string {
  const parts: string[] = [];
  for (const part of result.content ?? []) {
    if (part.type === 'text') parts.push(part.text);
    else if (part.type === 'resource') parts.push('text' in part.resource ? part.resource.text : `[resource ${part.resource.uri}]`);
    else if (part.type === 'resource_link') parts.push(`[resource ${part.uri}]`);
    else parts.push(`[${part.type} ${'mimeType' in part ? part.mimeType : ''}]`.replace(' ]', ']'));
  }
  if (parts.length === 0 && result.structuredContent !== undefined) parts.push(JSON.stringify(result.structuredContent));
  return parts.join('\n');
}

/** What an MCP call did, for a test's checks (the loop only sees the text). */
export interface McpCallRecord {
  name: string;
  arguments: Record<string, unknown>;
  result?: CallToolResult;
  /** The call failed at the MCP level (JSON-RPC error, transport), not as a tool error result. */
  protocolError?: string;
}

/**
 * The server's tools as tools the tool loop runs: each call goes to the MCP server; a result with
 * isError becomes an error result the model sees (ToolError), as does a JSON-RPC error (unknown
 * tool, invalid params): the loop goes on either way. Every call is appended to `calls`.
 */
export function mcpRegisteredTools(connection: McpConnection, tools: readonly McpTool[], calls: McpCallRecord[] = []): RegisteredTool[] {
  return tools.map((tool) => ({
    spec: toToolSpec(tool),
    async execute(args, run) {
      const input = typeof args === 'object' && args !== null && !Array.isArray(args) ? (args as Record<string, unknown>) : {};
      const record: McpCallRecord = { name: tool.name, arguments: input };
      calls.push(record);
      let result: CallToolResult;
      try {
        result = await connection.callTool(tool.name, input, run?.signal);
      } catch (error) {
        record.protocolError = error instanceof Error ? error.message : String(error);
        throw new ToolError(`MCP server error: ${record.protocolError}`);
      }
      record.result = result;
      const text = resultText(result);
      if (result.isError === true) throw new ToolError(text || 'the MCP tool reported an error');
      return text;
    },
  }));
}
