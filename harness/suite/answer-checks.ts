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

/** The response carries a finish reason its protocol defines and the harness knows (protocol). */
export function checkFinishReason(response: Pick<ChatResponse, 'finishReason' | 'rawFinishReason'>, expected: NonNullable<ChatResponse['finishReason']>): void {
  protocolCheck(response.finishReason !== undefined, `the response carries no finish reason, expected ${expected}`);
  protocolCheck(response.finishReason === expected, `finish_reason is ${response.finishReason} (raw ${response.rawFinishReason}), expected ${expected}`);
}
