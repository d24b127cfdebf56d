import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../contract/stream.ts';
import { normalizeConverseStream } from './map-stream.ts';

async function collect(events: ConverseStreamOutput[]): Promise<StreamEvent[]> {
  async function* source() {
    yield* events;
  }
  const out: StreamEvent[] = [];
  for await (const event of normalizeConverseStream(source(), { id: 'req-9' })) out.push(event);
  return out;
}

/** The events a stream yields before it throws, and what it threw. */
async function collectUntilThrow(events: ConverseStreamOutput[]): Promise<{ events: StreamEvent[]; error: unknown }> {
  const out: StreamEvent[] = [];
  try {
    for await (const event of normalizeConverseStream((async function* () { yield* events; })(), { id: 'req-9' })) out.push(event);
  } catch (error) {
    return { events: out, error };
  }
  return { events: out, error: undefined };
}

const metadata: ConverseStreamOutput = { metadata: { usage: { inputTokens: 5, outputTokens: 7, totalTokens: 12 }, metrics: { latencyMs: 1 } } };

const strip = (events: StreamEvent[]) => events.map(({ at: _at, ...rest }) => rest);

describe('bedrock-converse normalizeConverseStream', () => {
  it('turns a text stream into start, deltas, usage and done (metadata after messageStop)', async () => {
    const events = await collect([
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Hel' } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'lo' } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: 'end_turn' } },
      { metadata: { usage: { inputTokens: 5, outputTokens: 2, totalTokens: 7 }, metrics: { latencyMs: 10 } } },
    ]);
    expect(strip(events)).toEqual([
      { type: 'start', id: 'req-9', model: undefined },
      { type: 'text_delta', text: 'Hel' },
      { type: 'text_delta', text: 'lo' },
      { type: 'usage', usage: { input: 5, output: 2, total: 7 } },
      { type: 'done', finishReason: 'stop', rawFinishReason: 'end_turn' },
    ]);
  });

  it('assembles a toolUse block from contentBlockStart, input deltas and contentBlockStop; passes reasoning', async () => {
    const events = await collect([
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'thinking' } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: 'tooluse_1', name: 'get_weather' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{"city":' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '"Paris"}' } } } },
      { contentBlockStop: { contentBlockIndex: 1 } },
      { messageStop: { stopReason: 'tool_use' } },
      metadata,
    ]);
    expect(strip(events)).toEqual([
      { type: 'start', id: 'req-9', model: undefined },
      { type: 'reasoning_delta', text: 'thinking' },
      { type: 'tool_call_start', index: 0, id: 'tooluse_1', name: 'get_weather' },
      { type: 'tool_call_delta', index: 0, id: 'tooluse_1', argumentsDelta: '{"city":' },
      { type: 'tool_call_delta', index: 0, id: 'tooluse_1', argumentsDelta: '"Paris"}' },
      { type: 'tool_call_end', index: 0, id: 'tooluse_1', name: 'get_weather', argumentsText: '{"city":"Paris"}', arguments: { city: 'Paris' } },
      { type: 'usage', usage: { input: 5, output: 7, total: 12 } },
      { type: 'done', finishReason: 'tool_calls', rawFinishReason: 'tool_use' },
    ]);
  });

  it('throws a VerifyError for an exception member in the stream', async () => {
    const throttled = { throttlingException: { name: 'ThrottlingException', message: 'slow down' } } as unknown as ConverseStreamOutput;
    await expect(collect([{ messageStart: { role: 'assistant' } }, throttled])).rejects.toMatchObject({ kind: 'rate_limit' });
  });

  it('a stream that ends without messageStop, or without the metadata after it, yields no done but incomplete_stream (hand-made events: not live-verified here)', async () => {
    const text: ConverseStreamOutput[] = [{ messageStart: { role: 'assistant' } }, { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'x' } } }, { contentBlockStop: { contentBlockIndex: 0 } }];
    const cuts: ConverseStreamOutput[][] = [text, [...text, { messageStop: { stopReason: 'end_turn' } }]];
    for (const cut of cuts) {
      const { events, error } = await collectUntilThrow(cut);
      expect(events.some((event) => event.type === 'done')).toBe(false);
      expect(error).toMatchObject({ kind: 'incomplete_stream', layer: 'protocol', message: 'bedrock-converse stream ended without messageStop followed by metadata' });
    }
  });

  it('a toolUse block without toolUseId has no id (never invented)', async () => {
    const events = await collect([
      { messageStart: { role: 'assistant' } },
      { contentBlockStart: { contentBlockIndex: 0, start: { toolUse: { name: 'get_weather' } as { toolUseId: string; name: string } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { toolUse: { input: '{}' } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: 'tool_use' } },
      metadata,
    ]);
    const end = events.find((event) => event.type === 'tool_call_end');
    expect(end).toMatchObject({ index: 0, name: 'get_weather' });
    expect(end && 'id' in end).toBe(false);
  });
});
