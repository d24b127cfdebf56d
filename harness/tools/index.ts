export * from './types.ts';
export { ToolError, isToolError } from './tool-error.ts';
export { createArgumentValidator, formatAjvErrors, type ArgumentValidator } from './validate-arguments.ts';
export { createToolRegistry, type ToolRegistry } from './tool-registry.ts';
export { collectStream, type CollectedStream, type CollectOptions } from './collect-stream.ts';
export { createDeadline, type Deadline } from './deadline.ts';
export { runToolLoop } from './run-tool-loop.ts';
