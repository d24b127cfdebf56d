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
  /** A JSON mode without a schema (OpenAI json_object, Gemini responseMimeType, Ollama format "json"). */
  'json_mode',
  /** Text embeddings from the same endpoint (OpenAI /embeddings, Ollama /api/embed, Gemini embedContent, an embedding context). */
  'embeddings',
  /** The protocol's own token-counting call (Anthropic count_tokens, Gemini countTokens, Bedrock CountTokens, OpenAI input_tokens, a tokenizer). */
  'token_counting',
  /** A repeated prompt prefix is read from a cache and the usage says how many input tokens were cached. */
  'prompt_caching',
  'vision',
  /** PDF documents as input parts. */
  'pdf_input',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

/** true: declared supported; false: declared unsupported; missing: unknown (tests run, observed support is reported). */
export type DeclaredCapabilities = Partial<Record<Capability, boolean>>;

export function isCapability(value: string): value is Capability {
  return (CAPABILITIES as readonly string[]).includes(value);
}
