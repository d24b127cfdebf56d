import type { ChatResponse as OllamaChatResponse } from 'ollama';
import type { StreamEvent } from '../../contract/stream.ts';
import { ollamaFinishReason } from './finish-reason.ts';
import { now } from '../shared/time.ts';
import { streamEndedWithout } from '../shared/stream-end.ts';
import { TERMINAL_SIGNAL } from './terminal-signal.ts';
import { ToolCallAssembler } from '../shared/tool-call-assembler.ts';
import type { OllamaWireToolCall } from './map-request.ts';
import { fromOllamaToolCall, fromOllamaUsage } from './map-response.ts';

/**
 * Turns /api/chat NDJSON chunks into normalized events. Ollama sends each tool call whole in
 * one chunk, so start/delta/end are emitted together. The last chunk (`done: true`) carries
 * done_reason and the counters; a stop with tool calls is reported as tool_calls. `done` is
 * emitted only after that chunk; a stream that ends without it throws incomplete_stream.
 */
export async function* normalizeOllamaChunks(chunks: AsyncIterable<OllamaChatResponse>): AsyncGenerator<StreamEvent> {
  const tools = new ToolCallAssembler();
  let started = false;
  let callCount = 0;
  let finish: string | undefined;
  let sawDone = false;
  for await (const chunk of chunks) {
    if (!started) {
      started = true;
      yield { type: 'start', at: now(), model: chunk.model };
    }
    const message = chunk.message as (OllamaChatResponse['message'] & { tool_calls?: OllamaWireToolCall[] }) | undefined;
    if (typeof message?.thinking === 'string' && message.thinking !== '') yield { type: 'reasoning_delta', at: now(), text: message.thinking };
    if (typeof message?.content === 'string' && message.content !== '') yield { type: 'text_delta', at: now(), text: message.content };
    for (const wire of message?.tool_calls ?? []) {
      const call = fromOllamaToolCall(wire, callCount);
      const key = callCount;
      callCount += 1;
      yield* tools.push(key, { ...(call.id !== undefined ? { id: call.id } : {}), ...(call.idSource !== undefined ? { idSource: call.idSource } : {}), name: call.name, argumentsDelta: call.argumentsText });
      yield* tools.end(key);
    }
    if (chunk.done) {
      sawDone = true;
      finish = chunk.done_reason || undefined;
      const usage = fromOllamaUsage(chunk);
      if (usage) yield { type: 'usage', at: now(), usage };
    }
  }
  yield* tools.endAll();
  if (!sawDone) throw streamEndedWithout('ollama-native', TERMINAL_SIGNAL.description);
  yield { type: 'done', at: now(), finishReason: ollamaFinishReason(finish, callCount > 0), rawFinishReason: finish };
}
