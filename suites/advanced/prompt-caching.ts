import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { chatOnce } from './advanced-kit.ts';

/** A long, fixed system prompt: above the 1024-token minimum most caches have, well inside a 4k window. */
function longPrefix(): string {
  const rules: string[] = [];
  for (let index = 1; index <= 120; index += 1) {
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
  timeoutMs: 240_000,
  async run(context) {
    const system = longPrefix();
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
