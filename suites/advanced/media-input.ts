import type { Attachment } from '../../harness/contract/messages.ts';
import type { TestContext } from '../../harness/suite/define.ts';
import { checkAnswerText } from '../../harness/suite/answer-checks.ts';
import { modelCheck, protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { chatOnce } from './advanced-kit.ts';

/**
 * Sends a question with a file and the same question without it. The file reached the model when
 * the answer names what only the file holds [model]; the prompt grew by at least `minGrowth` input
 * tokens — a server that silently drops the part would count the same prompt [protocol].
 */
export async function checkFileReachesModel(context: TestContext, attachment: Attachment, question: string, expected: RegExp, minGrowth: number): Promise<void> {
  const without = await chatOnce(context, { messages: [{ role: 'user', content: question }], maxTokens: 32 });
  const withFile = await chatOnce(context, { messages: [{ role: 'user', content: question, attachments: [attachment] }], maxTokens: 32 });
  context.record('text', withFile.text.slice(0, 200));
  const grown = withFile.usage?.input !== undefined && without.usage?.input !== undefined ? withFile.usage.input - without.usage.input : undefined;
  context.record('inputTokens', { without: without.usage?.input, with: withFile.usage?.input });
  protocolCheck(grown !== undefined, 'input tokens were not reported for both prompts (silent-drop detection needs them)');
  protocolCheck(grown >= minGrowth, `the ${attachment.kind} added ${grown} input tokens (at least ${minGrowth} expected): the server may have dropped it silently`);
  checkAnswerText(withFile);
  modelCheck(expected.test(withFile.text), `the answer does not name what only the ${attachment.kind} holds: ${withFile.text.slice(0, 120)}`);
}
