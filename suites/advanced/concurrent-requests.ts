import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { checkAnswerText } from '../../harness/suite/answer-checks.ts';
import { protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { chatOnce } from './advanced-kit.ts';

const MAX_TOKENS = 16;

/**
 * N identical requests at once, N the endpoint's declared parallelism (a server started with one
 * slot is tested with one): every one succeeds (an error keeps its own layer), each reports usage,
 * the same prompt counts the same input tokens in all, and no answer exceeds max_tokens [protocol].
 */
export const concurrentRequestsTest: VerifyTestDefinition = {
  id: 'concurrent_requests',
  description: 'N parallel requests (N = the provider\'s declared parallelism) all succeed with consistent usage: same input tokens, output within max_tokens [protocol].',
  requires: ['chat', 'usage'],
  tags: ['load'],
  assertion: 'protocol',
  async run(context) {
    const parallel = Math.max(1, context.target.parallelRequests);
    context.record('parallel', parallel);
    const started = performance.now();
    const responses = await Promise.all(
      Array.from({ length: parallel }, () => chatOnce(context, { messages: [{ role: 'user', content: 'Name one colour.' }], maxTokens: MAX_TOKENS })),
    );
    context.record('wallMs', Math.round(performance.now() - started));
    const inputs = responses.map((response) => response.usage?.input);
    context.record('inputTokens', inputs);
    for (const [index, response] of responses.entries()) {
      protocolCheck(response.usage?.input !== undefined && response.usage.output !== undefined, `response ${index + 1} of ${parallel} reports no input/output usage`);
      protocolCheck((response.usage.output ?? 0) <= MAX_TOKENS, `response ${index + 1} reports ${response.usage.output} output tokens over max_tokens ${MAX_TOKENS}`);
      checkAnswerText(response, `answer ${index + 1} of ${parallel}`);
    }
    protocolCheck(new Set(inputs).size === 1, `the same prompt sent ${parallel} times at once counted different input tokens: ${inputs.join(', ')}`);
  },
};
