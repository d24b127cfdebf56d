import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages/messages';
import type { StreamEvent } from '../../contract/stream.ts';
import { anthropicFinishReason } from './finish-reason.ts';
import { now } from '../shared/time.ts';
import { streamEndedWithout } from '../shared/stream-end.ts';
import { TERMINAL_SIGNAL } from './terminal-signal.ts';
import { ToolCallAssembler } from '../shared/tool-call-assembler.ts';
import { fromAnthropicUsage, type AnthropicUsageLike } from './map-response.ts';

function hasKeys(value: unknown): boolean {
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0;
}

/**
 * Turns Anthropic Messages stream events into normalized events. Tool calls are keyed by the
 * content block index. Input tokens arrive in message_start and output tokens in message_delta;
 * one `usage` event is emitted from message_delta with both (no total: Anthropic sends none).
 * `done` is emitted once at the end, only when the stream ended the Messages way (a
 * message_delta with stop_reason, then message_stop); otherwise it throws incomplete_stream.
 */
export async function* normalizeAnthropicEvents(events: AsyncIterable<RawMessageStreamEvent>): AsyncGenerator<StreamEvent> {
  const tools = new ToolCallAssembler();
  let started = false;
  let startUsage: AnthropicUsageLike | undefined;
  let stopReason: string | undefined;
  let sawStop = false;

  for await (const event of events) {
    if (!started) {
      started = true;
      const message = event.type === 'message_start' ? event.message : undefined;
      yield { type: 'start', at: now(), id: message?.id, model: message?.model };
    }
    switch (event.type) {
      case 'message_start':
        startUsage = event.message.usage ?? undefined;
        break;
      case 'content_block_start': {
        const block = event.content_block;
        if (block.type === 'text' && block.text !== '') yield { type: 'text_delta', at: now(), text: block.text };
        else if (block.type === 'thinking' && block.thinking !== '') yield { type: 'reasoning_delta', at: now(), text: block.thinking };
        else if (block.type === 'tool_use') {
          yield* tools.push(event.index, { ...(block.id ? { id: block.id } : {}), name: block.name });
          // Anthropic starts with input {} and streams the JSON; a server that sends it whole here is also read.
          if (hasKeys(block.input)) yield* tools.push(event.index, { argumentsDelta: JSON.stringify(block.input) });
        }
        break;
      }
      case 'content_block_delta': {
        const delta = event.delta;
        if (delta.type === 'text_delta' && delta.text !== '') yield { type: 'text_delta', at: now(), text: delta.text };
        else if (delta.type === 'thinking_delta' && delta.thinking !== '') yield { type: 'reasoning_delta', at: now(), text: delta.thinking };
        else if (delta.type === 'input_json_delta') yield* tools.push(event.index, { argumentsDelta: delta.partial_json });
        break;
      }
      case 'content_block_stop':
        yield* tools.end(event.index);
        break;
      case 'message_delta': {
        stopReason = event.delta.stop_reason ?? stopReason;
        // message_delta's counts are cumulative; input counts missing there come from message_start.
        const usage = fromAnthropicUsage({
          input_tokens: event.usage.input_tokens ?? startUsage?.input_tokens,
          cache_read_input_tokens: event.usage.cache_read_input_tokens ?? startUsage?.cache_read_input_tokens,
          cache_creation_input_tokens: event.usage.cache_creation_input_tokens ?? startUsage?.cache_creation_input_tokens,
          output_tokens: event.usage.output_tokens,
        });
        if (usage) yield { type: 'usage', at: now(), usage };
        break;
      }
      case 'message_stop':
        sawStop = true;
        break;
    }
  }
  yield* tools.endAll();
  if (!sawStop || !stopReason) throw streamEndedWithout('anthropic-messages', TERMINAL_SIGNAL.description);
  yield { type: 'done', at: now(), finishReason: anthropicFinishReason(stopReason), rawFinishReason: stopReason };
}
