import type { ProviderDefinition } from '../harness/contract/provider.ts';
import embedded from './embedded/provider.ts';
import llamaCpp from './llama_cpp/provider.ts';
import openaiCompatible from './openai_compatible/provider.ts';

/** Every provider the harness knows, in the order reports list them. One folder each. */
export const PROVIDERS: readonly ProviderDefinition[] = [embedded, llamaCpp, openaiCompatible];
