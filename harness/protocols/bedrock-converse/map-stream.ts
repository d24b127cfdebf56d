import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { bedrockFinishReason } from './finish-reason.ts';
import { now } from '../shared/time.ts';
import { layerOfKind } from '../shared/http-error.ts';
import { streamEndedWithout } from '../shared/stream-end.ts';
import { TERMINAL_SIGNAL } from './terminal-signal.ts';
import { ToolCallAssembler } from '../shared/tool-call-assembler.ts';
import { fromBedrockUsage } from './map-response.ts';

/** Exception members a ConverseStream may carry in place of an event. */
const STREAM_EXCEPTIONS = {
  internalServerException: 'server',
  modelStreamErrorException: 'server',
  serviceUnavailableException: 'server',
  throttlingException: 'rate_limit',
  validationException: 'invalid_request',
} as const;

function streamException(event: ConverseStreamOutput): VerifyError | undefined {
  for (const [member, kind] of Object.entries(STREAM_EXCEPTIONS)) {
    const value = (event as unknown as Record<string, unknown>)[member];
    if (value !== undefined) {
      const detail = (value as { message?: unknown }).message;
      return new VerifyError({
        kind,
        layer: layerOfKind(kind),
        message: `bedrock-converse stream: ${member}: ${typeof detail === 'string' ? detail : 'no message'}`,
      });
    }
  }
  return undefined;
}

/**
 * Turns ConverseStream events into normalized events: messageStart → start; contentBlockStart
 * (toolUse) → tool_call_start; contentBlockDelta text / toolUse.input / reasoningContent →
 * text_delta / tool_call_delta / reasoning_delta; contentBlockStop → tool_call_end; messageStop
 * holds the stop reason; metadata (which follows messageStop) → usage; then done, only once
 * both messageStop and metadata arrived (Converse's terminal pair). A stream that ends without
 * them throws incomplete_stream (protocol).
 */
export async function* normalizeConverseStream(
  events: AsyncIterable<ConverseStreamOutput>,
  meta: { id?: string; model?: string } = {},
): AsyncGenerator<StreamEvent> {
  const tools = new ToolCallAssembler();
  let started = false;
  let stopReason: string | undefined;
  let sawStop = false;
  let sawMetadata = false;
  for await (const event of events) {
    const error = streamException(event);
    if (error) throw error;
    if (!started && (event.messageStart || event.contentBlockStart || event.contentBlockDelta)) {
      started = true;
      yield { type: 'start', at: now(), id: meta.id, model: meta.model };
    }
    if (event.contentBlockStart?.start?.toolUse) {
      const { toolUseId, name } = event.contentBlockStart.start.toolUse;
      yield* tools.push(event.contentBlockStart.contentBlockIndex ?? 0, { ...(toolUseId ? { id: toolUseId } : {}), ...(name !== undefined ? { name } : {}) });
    } else if (event.contentBlockDelta?.delta) {
      const delta = event.contentBlockDelta.delta;
      const index = event.contentBlockDelta.contentBlockIndex ?? 0;
      if (delta.text !== undefined && delta.text !== '') yield { type: 'text_delta', at: now(), text: delta.text };
      else if (delta.toolUse) yield* tools.push(index, { argumentsDelta: delta.toolUse.input });
      else if (delta.reasoningContent?.text) yield { type: 'reasoning_delta', at: now(), text: delta.reasoningContent.text };
    } else if (event.contentBlockStop) {
      yield* tools.end(event.contentBlockStop.contentBlockIndex ?? 0);
    } else if (event.messageStop) {
      sawStop = true;
      stopReason = event.messageStop.stopReason;
      yield* tools.endAll();
    } else if (event.metadata) {
      sawMetadata = true;
      const usage = fromBedrockUsage(event.metadata.usage);
      if (usage) yield { type: 'usage', at: now(), usage };
    }
  }
  yield* tools.endAll();
  if (!sawStop || !sawMetadata) throw streamEndedWithout('bedrock-converse', TERMINAL_SIGNAL.description);
  yield { type: 'done', at: now(), finishReason: bedrockFinishReason(stopReason), rawFinishReason: stopReason };
}
