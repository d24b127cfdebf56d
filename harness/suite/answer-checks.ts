import type { ChatResponse } from '../contract/chat.ts';
import { modelCheck, protocolCheck } from '../verdicts/check-failure.ts';

/** Whether the response finished cleanly: the protocol said stop or length. */
export const finishedCleanly = (response: Pick<ChatResponse, 'finishReason'>): boolean => response.finishReason === 'stop' || response.finishReason === 'length';

/**
 * The answer has text. Empty text after a clean finish (stop / length) is the model's answer
 * (layer model); empty text without a clean finish (none, unknown, or tool_calls without calls)
 * is the protocol's.
 */
export function checkAnswerText(response: Pick<ChatResponse, 'text' | 'finishReason' | 'rawFinishReason'>, what = 'the answer'): void {
  if (response.text.trim() !== '') return;
  const finish = response.rawFinishReason ?? response.finishReason ?? 'no finish reason';
  protocolCheck(finishedCleanly(response), `${what} is empty and did not finish cleanly (finish: ${finish})`);
  modelCheck(false, `${what} is empty after a clean finish (${finish})`);
}

/**
 * The response carries a finish reason its protocol defines and the harness knows (protocol), and
 * it is the one the test expects. With the request's max_tokens, a clean finish of the other kind
 * that the token count explains is the model's (layer model): `length` with the output at the cap
 * (the model was still writing), `stop` under it when `length` was expected (the model ended
 * early). A finish the usage contradicts — or any other finish — is the protocol's. `subject`
 * (e.g. the calls the response made) leads every message.
 */
export function checkFinishReason(
  response: Pick<ChatResponse, 'finishReason' | 'rawFinishReason' | 'usage'>,
  expected: 'stop' | 'length' | 'tool_calls',
  maxTokens?: number,
  subject?: string,
): void {
  const lead = subject === undefined ? '' : `${subject}: `;
  protocolCheck(response.finishReason !== undefined, `${lead}the response carries no finish reason, expected ${expected}`);
  if (response.finishReason === expected) return;
  const output = response.usage?.output;
  const got = `${lead}finish_reason is ${response.finishReason} (raw ${response.rawFinishReason})`;
  if (maxTokens !== undefined && output !== undefined && finishedCleanly(response)) {
    if (response.finishReason === 'length' && output >= maxTokens) modelCheck(false, `${got} with ${output} output tokens at max_tokens ${maxTokens}: the model was still writing, expected ${expected}`);
    if (response.finishReason === 'stop' && expected === 'length' && output < maxTokens) modelCheck(false, `${got} after ${output} output tokens under max_tokens ${maxTokens}: the model ended early, expected ${expected}`);
  }
  protocolCheck(false, `${got}${output === undefined ? '' : ` with ${output} output tokens${maxTokens === undefined ? '' : ` (max_tokens ${maxTokens})`}`}, expected ${expected}`);
}
