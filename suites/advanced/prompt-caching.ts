import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { chatOnce } from './advanced-kit.ts';

/** Tokens one rule line below takes in common tokenizers (about 28). */
const TOKENS_PER_RULE = 28;
/** Above the largest minimum cacheable prefix documented (4096 tokens: Claude Haiku 4.5, Opus 4.5). */
const CLOUD_PREFIX_TOKENS = 4300;

/**
 * A long, fixed system prompt: ~4300 tokens, or a quarter of a smaller declared window (a local
 * server caches any prefix; a quarter keeps a slow CPU's first prompt short).
 */
export function longPrefix(window: number | undefined): string {
  const tokens = Math.min(CLOUD_PREFIX_TOKENS, Math.floor((window ?? Number.POSITIVE_INFINITY) / 4));
  const rules: string[] = [];
  for (let index = 1; index <= Math.max(8, Math.floor(tokens / TOKENS_PER_RULE)); index += 1) {
    rules.push(`Rule ${index}: when a customer asks about order ${1000 + index}, answer politely, quote the order number, and keep the answer under twenty words.`);
  }
  return `You are the support assistant of a small bookshop.\n${rules.join('\n')}`;
}

/**
 * The same long prefix twice: the second response reports input tokens read from the prompt cache
 * (OpenAI prompt_tokens_details.cached_tokens, Anthropic cache_read_input_tokens after a
 * cache_control breakpoint, Gemini cachedContentTokenCount, Converse cacheReadInputTokens,
 * llama-server's own report). A missing field or no cache hit is protocol: the model declares the
 * caching. Where the protocol has no such field the cell is unsupported (its limits).
 */
export const promptCachingTest: VerifyTestDefinition = {
  id: 'prompt_caching',
  description: 'The same long prefix twice: the second response reports cached input tokens (> 0, ≤ input) [protocol]; unsupported where the protocol has no such field.',
  requires: ['chat', 'usage', 'prompt_caching'],
  tags: ['usage'],
  assertion: 'protocol',
  timeoutMs: 300_000,
  async run(context) {
    const system = longPrefix(context.target.model.contextWindow);
    const ask = (question: string) =>
      chatOnce(context, { messages: [{ role: 'system', content: system }, { role: 'user', content: question }], maxTokens: 8, cacheSystemPrompt: true });
    const first = await ask('What do you sell?');
    const second = await ask('Where is order 1007?');
    context.record('first', first.usage);
    context.record('second', second.usage);
    const usage = second.usage;
    protocolCheck(usage !== undefined, 'the second response reports no usage');
    protocolCheck(usage.cachedInput !== undefined, 'the second response reports no cached input tokens (no cache field in its usage)');
    protocolCheck(usage.cachedInput > 0, `the second response reports 0 cached input tokens for a repeated ${first.usage?.input ?? '?'}-token prefix`);
    protocolCheck(usage.input === undefined || usage.cachedInput <= usage.input, `cached input tokens ${usage.cachedInput} exceed the input tokens ${usage.input}`);
  },
};
