/** Capabilities a model declares and a test may require. */
export const CAPABILITIES = [
  'chat',
  'system_prompt',
  'multi_turn',
  'max_tokens',
  'stop_sequences',
  'seed',
  'temperature',
  'usage',
  'list_models',
  'auth',
  'tools',
  'tool_choice',
  /** tool_choice "none" can be sent (some protocols know only auto/any/tool). */
  'tool_choice_none',
  'parallel_tool_calls',
  'streaming',
  'streaming_tools',
  'stream_usage',
  'reasoning',
  'structured_output',
  'vision',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

/** true: declared supported; false: declared unsupported; missing: unknown (tests run, observed support is reported). */
export type DeclaredCapabilities = Partial<Record<Capability, boolean>>;

export function isCapability(value: string): value is Capability {
  return (CAPABILITIES as readonly string[]).includes(value);
}
