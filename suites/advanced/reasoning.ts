import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { modelCheck, protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { chatOnce } from './advanced-kit.ts';

const MAX_TOKENS = 1536;
/** Anthropic and Converse take at least 1024 thinking tokens, below max_tokens. */
const BUDGET = 1024;
const THINK_MARKUP = /<\/?(think|thinking|reasoning)>/i;

/**
 * A reasoning request: reasoning text arrives in the protocol's reasoning field, never in the
 * answer (think markup or the reasoning itself in the text is protocol); max_tokens covers the
 * reasoning (output ≤ max_tokens, reasoning tokens ≤ output) [protocol]. No reasoning at all is
 * the model's (model layer when it declares reasoning; observed unsupported otherwise).
 */
export const reasoningTest: VerifyTestDefinition = {
  id: 'reasoning',
  description: 'Reasoning arrives in the protocol\'s reasoning field and never in the answer text; max_tokens covers reasoning; reasoning usage ≤ output where reported [protocol]; a model that does not reason is model-layer (declared) or unsupported (observed).',
  requires: ['chat', 'reasoning'],
  tags: ['reasoning'],
  assertion: 'protocol',
  timeoutMs: 240_000,
  async run(context) {
    const response = await chatOnce(context, {
      messages: [{ role: 'user', content: 'A train leaves at 14:10 and arrives at 16:45. How long is the trip? Think it through, then answer in one line.' }],
      maxTokens: MAX_TOKENS,
      reasoning: { effort: 'low', budgetTokens: BUDGET },
    });
    context.record('text', response.text.slice(0, 300));
    context.record('reasoning', response.reasoning?.slice(0, 300));
    context.record('usage', response.usage);
    protocolCheck(!THINK_MARKUP.test(response.text), `reasoning markup leaked into the answer text: ${response.text.slice(0, 120)}`);
    const reasoning = response.reasoning ?? '';
    if (reasoning.length >= 40) protocolCheck(!response.text.includes(reasoning.slice(0, 40)), 'the reasoning text is repeated in the answer text');
    const usage = response.usage;
    if (usage?.output !== undefined) protocolCheck(usage.output <= MAX_TOKENS, `${usage.output} output tokens exceed max_tokens ${MAX_TOKENS} (reasoning included)`);
    if (usage?.reasoning !== undefined && usage.output !== undefined) {
      protocolCheck(usage.reasoning <= usage.output, `reasoning tokens ${usage.reasoning} exceed the output tokens ${usage.output}`);
    }
    const reasoned = reasoning !== '' || (usage?.reasoning ?? 0) > 0;
    if (!reasoned && context.target.capabilities.reasoning !== true) context.unsupported('the model returned no reasoning (no reasoning text, no reasoning tokens)');
    modelCheck(reasoned, 'the model returned no reasoning although it declares it (no reasoning text, no reasoning tokens)');
  },
};
