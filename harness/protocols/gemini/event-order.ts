import { asArray, asObject, asString, isPresent, type EventOrderChecker } from '../shared/raw-event.ts';

/**
 * Gemini generateContentStream (GenerateContentResponse chunks):
 * - each chunk has candidates, or is a prompt-blocked chunk (promptFeedback.blockReason),
 *   which must then be the last;
 * - the first candidate's finishReason is set on exactly one chunk, the last;
 * - candidate content role, when present, is "model"; responseId, when present, is stable;
 * - when usage is expected, the last chunk carries usageMetadata.
 */
export const checkGeminiEventOrder: EventOrderChecker = (events, options = {}) => {
  const violations: string[] = [];
  if (events.length === 0) return ['no chunks were streamed'];
  const last = events.length - 1;
  const finishAt: number[] = [];
  let responseId: string | undefined;
  events.forEach((raw, i) => {
    const chunk = asObject(raw);
    if (!chunk) {
      violations.push(`chunk ${i} is not an object`);
      return;
    }
    const id = asString(chunk.responseId);
    if (id !== undefined) {
      if (responseId === undefined) responseId = id;
      else if (id !== responseId) violations.push(`chunk ${i}: responseId ${id} differs from ${responseId}`);
    }
    const candidates = asArray(chunk.candidates);
    const blocked = isPresent(asObject(chunk.promptFeedback)?.blockReason);
    if (!candidates || candidates.length === 0) {
      if (blocked) {
        if (i !== last) violations.push(`chunk ${i}: a prompt-blocked chunk is followed by more chunks`);
      } else if (i !== last || !isPresent(chunk.usageMetadata)) {
        violations.push(`chunk ${i} has no candidates`);
      }
      return;
    }
    const first = asObject(candidates[0]) ?? {};
    if (isPresent(first.finishReason)) finishAt.push(i);
    const role = asObject(first.content)?.role;
    if (isPresent(role) && role !== 'model') violations.push(`chunk ${i}: candidate role is ${JSON.stringify(role)}, expected "model"`);
  });
  const blockedEnd = isPresent(asObject(asObject(events[last])?.promptFeedback)?.blockReason);
  if (!blockedEnd) {
    if (finishAt.length === 0) violations.push('no chunk carries a finishReason');
    if (finishAt.length > 1) violations.push(`finishReason is set in ${finishAt.length} chunks (${finishAt.join(', ')}), expected one`);
    const at = finishAt.at(-1);
    if (at !== undefined && at !== last) violations.push(`the finishReason chunk (${at}) is not the last chunk (${last})`);
  }
  if (options.usageExpected && !isPresent(asObject(events[last])?.usageMetadata)) violations.push('usage expected but the last chunk has no usageMetadata');
  return violations;
};
