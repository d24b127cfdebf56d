import type { ChatResponse as OllamaChatResponse } from 'ollama';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../contract/stream.ts';
import { normalizeOllamaChunks } from './map-stream.ts';

async function* from<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function collect(chunks: unknown[]): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  for await (const event of normalizeOllamaChunks(from(chunks as OllamaChatResponse[]))) events.push(event);
  return events;
}

const strip = (events: StreamEvent[]) => events.map(({ at: _at, ...rest }) => rest);

/** Hand-written chunks shaped like the npm package's ChatResponse type (see the recorded-fixture test for real ones). */
const chunk = (message: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  model: 'm',
  created_at: '2026-01-01T00:00:00Z',
  message: { role: 'assistant', content: '', ...message },
  done: false,
  ...extra,
});

describe('ollama-native stream normalizer (hand-written chunks)', () => {
  it('emits start, reasoning and text deltas, usage and done', async () => {
    const events = await collect([
      chunk({ thinking: 'hmm' }),
      chunk({ content: 'Hel' }),
      chunk({ content: 'lo' }),
      chunk({}, { done: true, done_reason: 'stop', prompt_eval_count: 5, eval_count: 2 }),
    ]);
    expect(strip(events)).toEqual([
      { type: 'start', model: 'm' },
      { type: 'reasoning_delta', text: 'hmm' },
      { type: 'text_delta', text: 'Hel' },
      { type: 'text_delta', text: 'lo' },
      { type: 'usage', usage: { input: 5, output: 2 } },
      { type: 'done', finishReason: 'stop', rawFinishReason: 'stop' },
    ]);
  });

  it('turns a whole tool call into start/delta/end at once, keeping server ids and marking made-up ones synthesized, and reports tool_calls', async () => {
    const events = await collect([
      chunk({ tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Paris' } } }] }),
      chunk({ tool_calls: [{ id: 'call_srv', function: { index: 1, name: 'get_time', arguments: {} } }] }),
      chunk({}, { done: true, done_reason: 'stop', eval_count: 9 }),
    ]);
    expect(strip(events)).toEqual([
      { type: 'start', model: 'm' },
      { type: 'tool_call_start', index: 0, id: 'synthesized_0', idSource: 'synthesized', name: 'get_weather' },
      { type: 'tool_call_delta', index: 0, id: 'synthesized_0', idSource: 'synthesized', argumentsDelta: '{"city":"Paris"}' },
      { type: 'tool_call_end', index: 0, id: 'synthesized_0', idSource: 'synthesized', name: 'get_weather', argumentsText: '{"city":"Paris"}', arguments: { city: 'Paris' } },
      { type: 'tool_call_start', index: 1, id: 'call_srv', name: 'get_time' },
      { type: 'tool_call_delta', index: 1, id: 'call_srv', argumentsDelta: '{}' },
      { type: 'tool_call_end', index: 1, id: 'call_srv', name: 'get_time', argumentsText: '{}', arguments: {} },
      { type: 'usage', usage: { input: undefined, output: 9 } },
      { type: 'done', finishReason: 'tool_calls', rawFinishReason: 'stop' },
    ]);
  });

  it('maps done_reason length; a stream without a done: true chunk yields no done but incomplete_stream', async () => {
    expect((await collect([chunk({ content: 'x' }, { done: true, done_reason: 'length' })])).at(-1)).toMatchObject({ finishReason: 'length' });
    await expect(collect([chunk({ content: 'x' })])).rejects.toMatchObject({ kind: 'incomplete_stream', layer: 'protocol', message: 'ollama-native stream ended without a chunk with done: true' });
  });
});
