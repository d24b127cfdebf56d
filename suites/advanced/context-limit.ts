import { VerifyError } from '../../harness/contract/verify-error.ts';
import type { TestContext, VerifyTestDefinition } from '../../harness/suite/define.ts';
import { checkAnswerText } from '../../harness/suite/answer-checks.ts';
import { harnessCheck, protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { chatOnce, fillerWords } from './advanced-kit.ts';

const QUESTION = 'Ignore the words above. Reply with the single word: done.';

function prompt(words: number): string {
  return `${fillerWords(words)}\n\n${QUESTION}`;
}

/** Input tokens the endpoint reports for a prompt of `words` filler words (what its tokenizer makes of them). */
async function inputTokens(context: TestContext, words: number): Promise<number> {
  const response = await chatOnce(context, { messages: [{ role: 'user', content: prompt(words) }], maxTokens: 1 });
  const input = response.usage?.input;
  protocolCheck(input !== undefined, 'the response reports no input tokens (needed to size the prompts)');
  return input;
}

/**
 * A prompt longer than the declared context window must be refused with an error the adapter
 * normalizes to `context_length` — not a generic server error, not a silent truncation [protocol];
 * a prompt at ~75% of the window still succeeds. Prompts are sized with the endpoint's own token
 * counts (two short calls measure tokens per filler word).
 */
export const contextLimitTest: VerifyTestDefinition = {
  id: 'context_limit',
  description: 'A prompt over the declared context window → a normalized context_length error, not a generic error or a silent truncation [protocol]; a prompt at ~75% of the window succeeds [protocol].',
  requires: ['chat', 'usage'],
  tags: ['limits', 'costly'],
  assertion: 'protocol',
  // a 3,000-token prompt takes minutes on a loaded 2-core CPU
  timeoutMs: 600_000,
  async run(context) {
    const window = context.target.model.contextWindow;
    if (window === undefined) return context.unsupported('the model declares no context window to test against');
    const base = await inputTokens(context, 0);
    const sample = await inputTokens(context, 200);
    const perWord = (sample - base) / 200;
    harnessCheck(perWord > 0, `200 filler words added ${sample - base} input tokens`);
    context.record('tokensPerWord', perWord);

    const fitting = Math.floor((window * 0.75 - base) / perWord);
    const fits = await chatOnce(context, { messages: [{ role: 'user', content: prompt(fitting) }], maxTokens: 8 });
    context.record('fittingInputTokens', fits.usage?.input);
    checkAnswerText(fits, 'the answer to a prompt at 75% of the window');

    const over = Math.ceil((window * 1.25 - base) / perWord);
    let accepted;
    try {
      accepted = await chatOnce(context, { messages: [{ role: 'user', content: prompt(over) }], maxTokens: 8 });
    } catch (error) {
      if (!(error instanceof VerifyError)) throw error;
      // No answer at all (deadline, connection, rate limit, our own bug) says nothing about how the
      // endpoint treats an overlong prompt: the cell takes that error's own verdict and layer.
      if (error.layer === 'transport' || error.layer === 'harness' || ['timeout', 'network', 'aborted', 'rate_limit'].includes(error.kind)) throw error;
      context.record('overflowError', { kind: error.kind, status: error.status, message: error.message.slice(0, 300) });
      protocolCheck(error.kind === 'context_length', `a prompt of ~${Math.round(window * 1.25)} tokens (window ${window}) was refused, but not as context_length: ${error.kind}${error.status ? ` (HTTP ${error.status})` : ''}: ${error.message.slice(0, 200)}`);
      return;
    }
    const input = accepted.usage?.input;
    context.record('overflowInputTokens', input);
    protocolCheck(
      false,
      input !== undefined && input < window
        ? `a prompt of ~${Math.round(window * 1.25)} tokens was silently truncated to ${input} input tokens (window ${window}) instead of refused`
        : `a prompt of ~${Math.round(window * 1.25)} tokens was accepted (${input ?? 'unreported'} input tokens) although the declared window is ${window}`,
    );
  },
};
