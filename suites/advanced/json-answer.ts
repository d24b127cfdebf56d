import { Ajv } from 'ajv';
import type { ChatResponse } from '../../harness/contract/chat.ts';
import type { JsonSchema } from '../../harness/contract/tools.ts';
import { checkAnswerText } from '../../harness/suite/answer-checks.ts';
import { modelCheck, parserCheck, protocolCheck } from '../../harness/suite/verdict-checks.ts';

const FENCE = /^\s*```/;

/**
 * The answer of a JSON response format, parsed. Empty → the answer checks' layers; code fences →
 * protocol (the format asks for raw JSON); unreadable JSON → parser, or model when an answer that
 * began as JSON was cut at max_tokens before it closed.
 */
export function checkJsonAnswer(response: Pick<ChatResponse, 'text' | 'finishReason' | 'rawFinishReason'>): unknown {
  checkAnswerText(response);
  protocolCheck(!FENCE.test(response.text), 'the JSON answer is wrapped in a code fence (the response format asks for raw JSON)');
  let value: unknown;
  let problem: string | undefined;
  try {
    value = JSON.parse(response.text);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  if (problem !== undefined) {
    // Cut at max_tokens inside JSON it had begun: the model ran long. Text that never began as JSON
    // is not excused by the cut: that is the parser layer either way.
    const begunAsJson = /^\s*[[{]/.test(response.text);
    modelCheck(!(begunAsJson && response.finishReason === 'length'), `the answer was cut at max_tokens before its JSON closed: ${problem}`);
    parserCheck(false, `the answer is not JSON: ${problem}`);
  }
  return value;
}

const ajv = new Ajv({ allErrors: true, strict: false });

/** ajv's messages for a value against a schema; empty when it fits. */
export function schemaErrors(schema: JsonSchema, value: unknown): string[] {
  const validate = ajv.compile(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'invalid'}`);
}
