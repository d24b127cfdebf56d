import type { ProviderDefinition } from '../harness/contract/provider.ts';
import embedded from './embedded/provider.ts';
import llamaCpp from './llama_cpp/provider.ts';
import ollama from './ollama/provider.ts';
import openaiCompatible from './openai_compatible/provider.ts';
import openai from './openai/provider.ts';
import anthropic from './anthropic/provider.ts';
import bedrock from './bedrock/provider.ts';
import gemini from './gemini/provider.ts';
import openrouter from './openrouter/provider.ts';
import vllm from './vllm/provider.ts';
import lmStudio from './lm_studio/provider.ts';
import litellm from './litellm/provider.ts';

/** Every provider the harness knows, in the order reports list them. One folder each. */
export const PROVIDERS: readonly ProviderDefinition[] = [embedded, llamaCpp, ollama, openaiCompatible, openai, anthropic, bedrock, gemini, openrouter, vllm, lmStudio, litellm];
