/** Thrown by a tool implementation for an expected failure; the loop answers it as an error result. */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
  }
}

export function isToolError(value: unknown): value is ToolError {
  return value instanceof ToolError;
}
