import type { GenerateContentResponse } from '@google/genai';
import type { StreamEvent } from '../../contract/stream.ts';
import type { Usage } from '../../contract/usage.ts';
import { geminiFinishReason } from './finish-reason.ts';
import { now } from '../shared/time.ts';
import { streamEndedWithout } from '../shared/stream-end.ts';
import { TERMINAL_SIGNAL } from './terminal-signal.ts';
import { ToolCallAssembler } from '../shared/tool-call-assembler.ts';
import type { CallIdRegistry } from './call-ids.ts';
import { fromGeminiUsage } from './map-response.ts';

/**
 * Turns generateContentStream chunks into normalized events. Gemini sends each function call
 * whole inside one chunk, so its tool_call_start / tool_call_delta / tool_call_end are emitted at
 * once. usageMetadata is cumulative and repeated on chunks: the last one is reported, once,
 * before `done`. `done` comes only when a candidate carried finishReason (or the prompt was
 * blocked); a stream that ends without one throws incomplete_stream (protocol).
 */
export async function* normalizeGeminiChunks(chunks: AsyncIterable<GenerateContentResponse>, ids: CallIdRegistry): AsyncGenerator<StreamEvent> {
  const tools = new ToolCallAssembler();
  let started = false;
  let finish: string | undefined;
  let blockedBy: string | undefined;
  let calls = 0;
  let usage: Usage | undefined;
  for await (const chunk of chunks) {
    if (!started) {
      started = true;
      yield { type: 'start', at: now(), id: chunk.responseId, model: chunk.modelVersion };
    }
    const candidate = chunk.candidates?.[0];
    for (const part of candidate?.content?.parts ?? []) {
      if (part.functionCall) {
        const key = calls;
        calls += 1;
        const id = ids.assign(part.functionCall.id, part.thoughtSignature);
        yield* tools.push(key, { ...id, name: part.functionCall.name ?? '', argumentsDelta: JSON.stringify(part.functionCall.args ?? {}) });
        yield* tools.end(key);
      } else if (typeof part.text === 'string' && part.text !== '') {
        yield { type: part.thought ? 'reasoning_delta' : 'text_delta', at: now(), text: part.text };
      }
    }
    if (candidate?.finishReason) finish = candidate.finishReason;
    // A prompt blocked before generation: no candidate, only promptFeedback.blockReason.
    if (!candidate && chunk.promptFeedback?.blockReason) blockedBy = chunk.promptFeedback.blockReason;
    usage = fromGeminiUsage(chunk.usageMetadata) ?? usage;
  }
  if (usage) yield { type: 'usage', at: now(), usage };
  if (blockedBy !== undefined && finish === undefined) {
    yield { type: 'done', at: now(), finishReason: 'content_filter', rawFinishReason: blockedBy };
    return;
  }
  if (finish === undefined) throw streamEndedWithout('gemini', TERMINAL_SIGNAL.description);
  yield { type: 'done', at: now(), finishReason: geminiFinishReason(finish, calls > 0), rawFinishReason: finish };
}
