import type { ChatRequest, ChatResponse } from '../contract/chat.ts';
import type { Message } from '../contract/messages.ts';
import type { StreamEvent } from '../contract/stream.ts';
import { now } from '../protocols/shared/time.ts';
import { collectStream } from './collect-stream.ts';
import { createDeadline } from './deadline.ts';
import { createToolRegistry } from './tool-registry.ts';
import type { CallRecord, RoundRecord, StopReason, ToolLoopOptions, ToolLoopResult } from './types.ts';

function roundRequest(base: ChatRequest, messages: Message[], options: ToolLoopOptions, round: number, tools: ChatRequest['tools']): ChatRequest {
  const { toolChoice: _firstChoice, ...rest } = base;
  const toolChoice = options.toolChoiceForRound ? options.toolChoiceForRound(round) : round === 1 ? base.toolChoice : undefined;
  const request: ChatRequest = { ...rest, messages: [...messages], tools };
  if (toolChoice !== undefined) request.toolChoice = toolChoice;
  return request;
}

/**
 * A small tool loop (not an agent framework): send the request with tools, validate each call's
 * arguments against its tool's schema, execute the valid ones, answer every call with a tool
 * result carrying its id and name, and repeat until the model answers without calls or
 * `maxRounds` is reached. Bad arguments and unknown tools are recorded and answered as error
 * results, never thrown. Only transport failures and the deadline (kind 'timeout') throw.
 */
export async function runToolLoop(options: ToolLoopOptions): Promise<ToolLoopResult> {
  if (options.maxRounds < 1) throw new Error('runToolLoop: maxRounds must be at least 1');
  const registry = createToolRegistry(options.tools);
  const deadline = createDeadline(options.deadlineMs, 'tool loop', options.signal);
  const tools = options.request.tools ?? registry.specs();
  const messages: Message[] = [...options.request.messages];
  const rounds: RoundRecord[] = [];
  const events: StreamEvent[] = [];
  const emit = (event: StreamEvent) => {
    events.push(event);
    options.onEvent?.(event);
  };

  const finish = (stoppedBecause: StopReason, finalResponse: ChatResponse): ToolLoopResult => ({
    rounds,
    finalText: finalResponse.text,
    finalResponse,
    stoppedBecause,
    events,
    messages,
  });

  try {
    for (let round = 1; ; round += 1) {
      deadline.throwIfDone();
      const request = roundRequest(options.request, messages, options, round, tools);
      emit({ type: 'round_start', at: now(), round });
      const startedAt = now();
      let response: ChatResponse;
      let ttftMs: number | undefined;
      if (options.stream) {
        const collected = await collectStream(options.client.stream(request, { signal: deadline.signal }), {
          startedAt,
          onEvent: emit,
          race: deadline.race,
        });
        response = collected.response;
        ttftMs = collected.ttftMs;
      } else {
        response = await deadline.race(options.client.chat(request, { signal: deadline.signal }));
      }
      const assistant: Message = response.toolCalls.length > 0
        ? { role: 'assistant', content: response.text, toolCalls: response.toolCalls }
        : { role: 'assistant', content: response.text };
      messages.push(assistant);

      const calls: CallRecord[] = [];
      for (const call of response.toolCalls) {
        const record = await deadline.race(registry.execute(call, deadline.signal));
        calls.push(record);
        messages.push({
          role: 'tool',
          ...(call.id !== undefined ? { toolCallId: call.id } : {}),
          ...(call.idSource !== undefined ? { toolCallIdSource: call.idSource } : {}),
          name: call.name,
          content: record.result.content,
          isError: record.result.isError,
        });
      }
      const record: RoundRecord = { round, requestMessages: request.messages, response, calls, durationMs: now() - startedAt };
      if (request.toolChoice !== undefined) record.toolChoice = request.toolChoice;
      if (ttftMs !== undefined) record.ttftMs = ttftMs;
      rounds.push(record);
      options.onRound?.(record);
      emit({ type: 'round_end', at: now(), round });

      if (calls.length === 0) return finish('final_answer', response);
      if (round >= options.maxRounds) return finish('max_rounds', response);
    }
  } catch (error) {
    throw deadline.translate(error);
  } finally {
    deadline.dispose();
  }
}
