import { asArray, asObject, asString, isPresent, type EventOrderChecker } from '../shared/raw-event.ts';

/**
 * Ollama /api/chat NDJSON stream:
 * - every chunk has a boolean `done`; exactly one chunk has done: true and it is the last;
 * - the done chunk carries a non-empty done_reason, and (when usage is expected) eval_count;
 * - `model` is the same in every chunk; message.role, when present, is "assistant";
 * - tool calls arrive whole: each has a function name.
 */
export const checkOllamaNativeEventOrder: EventOrderChecker = (events, options = {}) => {
  const violations: string[] = [];
  if (events.length === 0) return ['no chunks were streamed'];
  let model: string | undefined;
  const doneAt: number[] = [];
  events.forEach((raw, i) => {
    const chunk = asObject(raw);
    if (!chunk) {
      violations.push(`chunk ${i} is not an object`);
      return;
    }
    if (typeof chunk.done !== 'boolean') violations.push(`chunk ${i}: done is ${JSON.stringify(chunk.done)}, expected a boolean`);
    if (chunk.done === true) doneAt.push(i);
    const chunkModel = asString(chunk.model);
    if (chunkModel !== undefined) {
      if (model === undefined) model = chunkModel;
      else if (chunkModel !== model) violations.push(`chunk ${i}: model ${chunkModel} differs from ${model}`);
    }
    const message = asObject(chunk.message);
    if (message && isPresent(message.role) && message.role !== 'assistant') violations.push(`chunk ${i}: message.role is ${JSON.stringify(message.role)}`);
    for (const rawCall of asArray(message?.tool_calls) ?? []) {
      if (!asString(asObject(asObject(rawCall)?.function)?.name)) violations.push(`chunk ${i}: a tool call has no function name`);
    }
  });
  const last = events.length - 1;
  if (doneAt.length === 0) violations.push('no chunk has done: true');
  if (doneAt.length > 1) violations.push(`${doneAt.length} chunks have done: true, expected one`);
  const finalAt = doneAt[0];
  if (finalAt !== undefined) {
    if (finalAt !== last) violations.push(`the done chunk (${finalAt}) is not the last chunk (${last})`);
    const final = asObject(events[finalAt]) ?? {};
    if (!asString(final.done_reason)) violations.push('the done chunk has no done_reason');
    if (options.usageExpected && typeof final.eval_count !== 'number') violations.push('usage expected but the done chunk has no eval_count');
  }
  return violations;
};
