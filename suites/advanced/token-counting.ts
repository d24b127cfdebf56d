import type { ChatRequest } from '../../harness/contract/chat.ts';
import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { baseRequest } from '../../harness/suite/request.ts';
import { harnessCheck, protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { unsupportedWhenAbsent } from './advanced-kit.ts';

const PROMPT = 'Count on me: the quick brown fox jumps over the lazy dog, twice, before breakfast.';

/**
 * The protocol's own counting call agrees with the usage the same endpoint reports for the same
 * prompt: exactly, or within the model's declared tolerance (tokenCountTolerance, a fraction).
 * No estimate is ever made: without a counting call the cell is unsupported.
 */
export const tokenCountingTest: VerifyTestDefinition = {
  id: 'token_counting',
  description: 'The provider\'s counting call (count_tokens, countTokens, CountTokens, input_tokens, a tokenizer) agrees with the input tokens the usage reports for the same prompt, exactly or within the declared tolerance [protocol].',
  requires: ['chat', 'usage', 'token_counting'],
  tags: ['usage'],
  assertion: 'protocol',
  async run(context) {
    const { client, model } = context.target;
    const count = client.countTokens?.bind(client);
    harnessCheck(count !== undefined, `the ${client.protocol} client has no countTokens() although its protocol does not exclude counting`);
    const request: ChatRequest = baseRequest(context.target, { messages: [{ role: 'user', content: PROMPT }], maxTokens: 8 });
    const counted = await unsupportedWhenAbsent(context, 'token-counting endpoint', () => count(request, { signal: context.signal }));
    const response = await client.chat(request, { signal: context.signal });
    const used = response.usage?.input;
    context.record('counted', counted.input);
    context.record('usageInput', used);
    protocolCheck(used !== undefined, 'the chat response reports no input tokens to compare with');
    const tolerance = Math.round((model.tokenCountTolerance ?? 0) * used);
    protocolCheck(
      Math.abs(counted.input - used) <= tolerance,
      `the counting call says ${counted.input} input tokens, the usage says ${used}${tolerance > 0 ? ` (tolerance ±${tolerance})` : ' (no tolerance declared)'}`,
    );
  },
};
