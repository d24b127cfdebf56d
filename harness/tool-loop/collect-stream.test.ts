import { readFileSync } from 'node:fs';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../contract/stream.ts';
import { VerifyError } from '../contract/verify-error.ts';
import { fromChatCompletion } from '../protocols/openai-chat/map-response.ts';
import { normalizeChatChunks } from '../protocols/openai-chat/map-stream.ts';
import { now } from '../protocols/shared/time.ts';
import { collectStream } from './collect-stream.ts';
import { createDeadline } from './deadline.ts';

async function* events(list: StreamEvent[]): AsyncGenerator<StreamEvent> {
  for (const event of list) yield event;
}

describe('collectStream (hand-written events)', () => {
  it('measures ttft from the first text_delta or tool_call_start, not from start/usage', async () => {
    const list: StreamEvent[] = [
      { type: 'start', at: 101, id: 'r', model: 'm' },
      { type: 'reasoning_delta', at: 105, text: 'hmm' },
      { type: 'tool_call_start', at: 130, index: 0, id: 'a', name: 'f' },
      { type: 'tool_call_end', at: 131, index: 0, id: 'a', name: 'f', argumentsText: '{}' },
      { type: 'text_delta', at: 140, text: 'ok' },
      { type: 'done', at: 150, finishReason: 'tool_calls', rawFinishReason: 'tool_calls' },
    ];
    const collected = await collectStream(events(list), { startedAt: 100 });
    expect(collected.ttftMs).toBe(30);
    expect(collected.response).toMatchObject({ id: 'r', model: 'm', text: 'ok', reasoning: 'hmm', finishReason: 'tool_calls', toolCalls: [{ id: 'a', name: 'f', argumentsText: '{}' }] });
  });

  it('with throwOnError false, keeps going past error events and a missing done', async () => {
    const error = new VerifyError({ kind: 'server', layer: 'transport', message: 'x' });
    const collected = await collectStream(events([{ type: 'start', at: 1 }, { type: 'error', at: 2, error }]), { startedAt: 0, throwOnError: false });
    expect(collected.sawDone).toBe(false);
    expect(collected.ttftMs).toBeUndefined();
    expect(collected.response.finishReason).toBeUndefined();
  });

  it('keeps a call without a wire id id-less, keyed by its index', async () => {
    const list: StreamEvent[] = [
      { type: 'start', at: 1 },
      { type: 'tool_call_start', at: 2, index: 0, name: 'f' },
      { type: 'tool_call_end', at: 3, index: 0, name: 'f', argumentsText: '{}' },
      { type: 'tool_call_start', at: 4, index: 1, name: 'g' },
      { type: 'tool_call_end', at: 5, index: 1, name: 'g', argumentsText: '{}' },
      { type: 'done', at: 6, finishReason: 'tool_calls' },
    ];
    const collected = await collectStream(events(list), { startedAt: 0 });
    expect(collected.response.toolCalls).toEqual([{ name: 'f', argumentsText: '{}' }, { name: 'g', argumentsText: '{}' }]);
  });

  it('an iteration that ends without done (an adapter breaking its contract) is a harness error', async () => {
    await expect(collectStream(events([{ type: 'start', at: 1 }]), { startedAt: 0 })).rejects.toMatchObject({ kind: 'harness_bug', layer: 'harness' });
  });
});

describe('createDeadline', () => {
  it('maps errors thrown after expiry to timeout, and leaves others alone', async () => {
    const deadline = createDeadline(10, 'op');
    expect(deadline.translate(new Error('before'))).toBeInstanceOf(Error);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(deadline.expired()).toBe(true);
    expect(deadline.translate(new Error('late'))).toMatchObject({ kind: 'timeout', layer: 'transport' });
    expect(() => deadline.throwIfDone()).toThrow(/deadline of 10 ms passed/);
    await expect(deadline.race(Promise.resolve(1))).rejects.toMatchObject({ kind: 'timeout' });
    deadline.dispose();
  });

  it('race resolves normally before the deadline', async () => {
    const deadline = createDeadline(1000, 'op');
    await expect(deadline.race(Promise.resolve(7))).resolves.toBe(7);
    deadline.dispose();
  });
});

describe('collectStream over a REAL recorded openai-chat tool-call stream', () => {
  // harness/protocols/openai-chat/fixtures/tool-call-*.json: llama-server de3ff81, SmolLM2-135M, tool_choice "required".
  const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../protocols/openai-chat/fixtures/${name}.json`, import.meta.url), 'utf8'));

  it('collects the same tool call as the non-streamed response, with usage, done and a ttft', async () => {
    async function* chunks(): AsyncGenerator<ChatCompletionChunk> {
      yield* fixture('tool-call-stream') as ChatCompletionChunk[];
    }
    const startedAt = now();
    const collected = await collectStream(normalizeChatChunks(chunks()), { startedAt });
    const expected = fromChatCompletion(fixture('tool-call-response') as ChatCompletion);
    expect(collected.sawDone).toBe(true);
    expect(collected.ttftMs).toBeGreaterThanOrEqual(0);
    expect(collected.response.toolCalls).toEqual(expected.toolCalls);
    expect(collected.response).toMatchObject({ text: '', finishReason: 'tool_calls', rawFinishReason: 'tool_calls', model: expected.model, usage: { output: 84 } });
    expect(collected.events.filter((event) => event.type === 'tool_call_delta').length).toBeGreaterThan(1);
  });
});
