import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { StreamEvent } from '../../contract/stream.ts';
import { openAIChatFinishReason } from './finish-reason.ts';
import { now } from '../shared/time.ts';
import { streamEndedWithout } from '../shared/stream-end.ts';
import { TERMINAL_SIGNAL } from './terminal-signal.ts';
import { ToolCallAssembler } from '../shared/tool-call-assembler.ts';
import { fromOpenAIUsage } from './map-response.ts';

/**
 * Turns OpenAI chat completion chunks into normalized events. The finish_reason chunk may be
 * followed by a usage-only chunk (stream_options.include_usage), so `done` is emitted at the end
 * of the iteration, and only when a finish_reason chunk came: a stream that just stops (even
 * after `[DONE]`, which the SDK swallows) throws incomplete_stream instead.
 */
export async function* normalizeChatChunks(chunks: AsyncIterable<ChatCompletionChunk>): AsyncGenerator<StreamEvent> {
  const tools = new ToolCallAssembler();
  let started = false;
  let finish: string | undefined;
  for await (const chunk of chunks) {
    if (!started) {
      started = true;
      yield { type: 'start', at: now(), id: chunk.id, model: chunk.model };
    }
    for (const choice of chunk.choices ?? []) {
      const delta = choice.delta ?? {};
      const reasoning = (delta as { reasoning_content?: unknown }).reasoning_content;
      if (typeof reasoning === 'string' && reasoning !== '') yield { type: 'reasoning_delta', at: now(), text: reasoning };
      if (typeof delta.content === 'string' && delta.content !== '') yield { type: 'text_delta', at: now(), text: delta.content };
      for (const call of delta.tool_calls ?? []) {
        yield* tools.push(call.index, { ...(call.id ? { id: call.id } : {}), name: call.function?.name, argumentsDelta: call.function?.arguments });
      }
      if (choice.finish_reason) {
        finish = choice.finish_reason;
        yield* tools.endAll();
      }
    }
    const usage = fromOpenAIUsage(chunk.usage);
    if (usage) yield { type: 'usage', at: now(), usage };
  }
  yield* tools.endAll();
  if (!finish) throw streamEndedWithout('openai-chat', TERMINAL_SIGNAL.description);
  yield { type: 'done', at: now(), finishReason: openAIChatFinishReason(finish), rawFinishReason: finish };
}
