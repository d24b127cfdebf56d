import { asArray, asObject, asString, isPresent, type EventOrderChecker } from '../shared/raw-event.ts';

/**
 * OpenAI Chat Completions stream (chat.completion.chunk objects):
 * - every chunk has object "chat.completion.chunk" and the same id;
 * - finish_reason is set on exactly one choice chunk, the last chunk that has choices;
 * - delta.role, when present, is "assistant";
 * - a tool call's first fragment (per index) carries its id and function name; later fragments
 *   never change the id;
 * - with stream_options.include_usage, exactly one chunk carries usage: the last one, after the
 *   finish chunk, with an empty choices array (other chunks have usage null or absent).
 * Termination is checked by the caller (the iteration ended).
 */
export const checkOpenAIChatEventOrder: EventOrderChecker = (events, options = {}) => {
  const violations: string[] = [];
  if (events.length === 0) return ['no chunks were streamed'];
  let id: string | undefined;
  let finishAt = -1;
  let finishCount = 0;
  let lastChoiceChunk = -1;
  const usageAt: number[] = [];
  const toolIds = new Map<number, string>();
  events.forEach((raw, i) => {
    const chunk = asObject(raw);
    if (!chunk) {
      violations.push(`chunk ${i} is not an object`);
      return;
    }
    if (chunk.object !== 'chat.completion.chunk') violations.push(`chunk ${i}: object is ${JSON.stringify(chunk.object)}, expected "chat.completion.chunk"`);
    const chunkId = asString(chunk.id);
    if (chunkId !== undefined) {
      if (id === undefined) id = chunkId;
      else if (chunkId !== id) violations.push(`chunk ${i}: id ${chunkId} differs from the first chunk's ${id}`);
    }
    const choices = asArray(chunk.choices);
    if (!choices) {
      violations.push(`chunk ${i}: choices is not an array`);
    } else {
      if (choices.length > 0) lastChoiceChunk = i;
      for (const rawChoice of choices) {
        const choice = asObject(rawChoice) ?? {};
        if (isPresent(choice.finish_reason)) {
          finishCount += 1;
          finishAt = i;
        }
        const delta = asObject(choice.delta) ?? {};
        if (isPresent(delta.role) && delta.role !== 'assistant') violations.push(`chunk ${i}: delta.role is ${JSON.stringify(delta.role)}`);
        for (const rawCall of asArray(delta.tool_calls) ?? []) {
          const call = asObject(rawCall) ?? {};
          const index = typeof call.index === 'number' ? call.index : -1;
          const callId = asString(call.id);
          const known = toolIds.get(index);
          if (known === undefined) {
            if (!callId) violations.push(`chunk ${i}: first fragment of tool call ${index} has no id`);
            if (!asString(asObject(call.function)?.name)) violations.push(`chunk ${i}: first fragment of tool call ${index} has no function name`);
            toolIds.set(index, callId ?? '');
          } else if (callId && callId !== known) {
            violations.push(`chunk ${i}: tool call ${index} changes id from ${known} to ${callId}`);
          }
        }
      }
    }
    if (isPresent(chunk.usage)) usageAt.push(i);
  });
  if (finishCount === 0) violations.push('no chunk carries a finish_reason');
  if (finishCount > 1) violations.push(`finish_reason is set in ${finishCount} choice chunks, expected exactly one`);
  if (finishAt >= 0 && finishAt !== lastChoiceChunk) violations.push(`the finish_reason chunk (${finishAt}) is not the last chunk with choices (${lastChoiceChunk})`);
  if (usageAt.length > 0 || options.usageExpected) {
    const last = events.length - 1;
    if (usageAt.length === 0) violations.push('usage was requested (stream_options.include_usage) but no chunk carries it');
    if (usageAt.length > 1) violations.push(`usage is set in ${usageAt.length} chunks (${usageAt.join(', ')}), expected one final usage chunk`);
    const usageChunk = usageAt.at(-1);
    if (usageChunk !== undefined) {
      if (usageChunk !== last) violations.push(`the usage chunk (${usageChunk}) is not the last chunk (${last})`);
      if (usageChunk <= finishAt) violations.push(`the usage chunk (${usageChunk}) does not come after the finish_reason chunk (${finishAt})`);
      const choices = asArray(asObject(events[usageChunk])?.choices);
      if (choices && choices.length > 0) violations.push(`the usage chunk (${usageChunk}) has ${choices.length} choice(s), expected an empty choices array`);
    }
  }
  return violations;
};
