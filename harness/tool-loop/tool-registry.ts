import type { ToolCall } from '../contract/messages.ts';
import type { ToolSpec } from '../contract/tools.ts';
import { isToolError } from './tool-error.ts';
import type { CallRecord, RegisteredTool } from './types.ts';
import { createArgumentValidator, type ArgumentValidator } from './validate-arguments.ts';

export interface ToolRegistry {
  specs(): ToolSpec[];
  has(name: string): boolean;
  /** Validates the call's arguments, runs the implementation when they are acceptable, never throws. */
  execute(call: ToolCall, signal?: AbortSignal): Promise<CallRecord>;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Tools by name, each with its schema compiled once. Duplicate names are a harness bug and throw. */
export function createToolRegistry(tools: readonly RegisteredTool[]): ToolRegistry {
  const entries = new Map<string, { tool: RegisteredTool; validator: ArgumentValidator }>();
  for (const tool of tools) {
    if (entries.has(tool.spec.name)) throw new Error(`tool registry: duplicate tool name ${tool.spec.name}`);
    entries.set(tool.spec.name, { tool, validator: createArgumentValidator(tool.spec.parameters) });
  }
  return {
    specs: () => tools.map((tool) => tool.spec),
    has: (name) => entries.has(name),
    async execute(call, signal = new AbortController().signal) {
      const entry = entries.get(call.name);
      if (!entry) {
        const known = [...entries.keys()].join(', ');
        const message = `unknown tool "${call.name}"; available tools: ${known}`;
        return {
          call,
          validation: { status: 'unknown_tool', errors: [message] },
          executed: false,
          result: { content: `Error: ${message}`, isError: true },
        };
      }
      const { arguments: args, ...validation } = entry.validator.validate(call.argumentsText);
      if (validation.status === 'invalid_json' || validation.status === 'schema_violation') {
        return {
          call,
          validation,
          arguments: args,
          executed: false,
          result: { content: `Error: invalid arguments for ${call.name}: ${validation.errors.join('; ')}`, isError: true },
        };
      }
      try {
        const content = await entry.tool.execute(args, { signal });
        return { call, validation, arguments: args, executed: true, result: { content, isError: false } };
      } catch (error) {
        const prefix = isToolError(error) ? 'Error' : 'Error (tool crashed)';
        return { call, validation, arguments: args, executed: true, result: { content: `${prefix}: ${errorText(error)}`, isError: true } };
      }
    },
  };
}
