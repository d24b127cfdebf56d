import type { GbnfJsonObjectSchema, Llama, LlamaGrammar } from 'node-llama-cpp';
import type { ResponseFormat } from '../../contract/chat.ts';

/**
 * The grammar node-llama-cpp constrains generation with: one built from the JSON schema
 * (createGrammarForJsonSchema), or its built-in "json" grammar for JSON mode.
 */
export function grammarFor(llama: Llama, format: ResponseFormat): Promise<LlamaGrammar> {
  return format.type === 'json_object' ? llama.getGrammarFor('json') : llama.createGrammarForJsonSchema(format.schema as GbnfJsonObjectSchema);
}
