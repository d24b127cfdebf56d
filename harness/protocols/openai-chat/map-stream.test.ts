import { readFileSync } from 'node:fs';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { fromChatCompletion } from './map-response.ts';
import { normalizeChatChunks } from './map-stream.ts';

async function* from<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function collect(chunks: ChatCompletionChunk[]): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const event of normalizeChatChunks(from(chunks))) out.push(event);
  return out;
}

/** The events a stream yields before it throws, and what it threw. */
async function collectUntilThrow(chunks: ChatCompletionChunk[]): Promise<{ events: StreamEvent[]; error: unknown }> {
  const events: StreamEvent[] = [];
  try {
    for await (const event of normalizeChatChunks(from(chunks))) events.push(event);
  } catch (error) {
    return { events, error };
  }
  return { events, error: undefined };
}

/** Chunks recorded from llama-server de3ff81 (SmolLM2-135M) with stream_options.include_usage. */
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as ChatCompletionChunk[];

type ToolDelta = NonNullable<ChatCompletionChunk.Choice['delta']['tool_calls']>[number];
const chunk = (delta: ChatCompletionChunk.Choice['delta'], finish: ChatCompletionChunk.Choice['finish_reason'] = null): ChatCompletionChunk => ({
  id: 'chatcmpl-t',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'tool-model',
  choices: [{ index: 0, delta, finish_reason: finish }],
});
const tools = (...calls: ToolDelta[]) => chunk({ tool_calls: calls });
const usageChunk: ChatCompletionChunk = { id: 'chatcmpl-t', object: 'chat.completion.chunk', created: 1, model: 'tool-model', choices: [], usage: { prompt_tokens: 30, completion_tokens: 20, total_tokens: 50 } };

describe('openai-chat stream normalization: recorded llama-server chunks', () => {
  it('text stream: start first, text deltas, usage, done last with stop', async () => {
    const events = await collect(fixture('text-stream'));
    const types = events.map((event) => event.type);
    expect(types[0]).toBe('start');
    expect(types.at(-1)).toBe('done');
    expect(types.at(-2)).toBe('usage');
    expect(types.slice(1, -2).every((type) => type === 'text_delta')).toBe(true);
    expect(events[0]).toMatchObject({ id: 'chatcmpl-TYsaJmpwL67YOzeAsDrq1l8inaNQgsSh', model: 'smollm2-135m-instruct' });
    const text = events.map((event) => (event.type === 'text_delta' ? event.text : '')).join('');
    expect(text).toBe("I'm here to help with any creative writing project.");
    expect(events.at(-2)).toMatchObject({ type: 'usage', usage: { input: 27, output: 12, total: 39 } });
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'stop', rawFinishReason: 'stop' });
  });

  it('the role-only first chunk (content null) yields no text delta', async () => {
    const [first] = fixture('text-stream');
    expect(first?.choices[0]?.delta).toEqual({ role: 'assistant', content: null });
    const { events } = await collectUntilThrow(first ? [first] : []);
    expect(events.map((event) => event.type)).toEqual(['start']);
  });

  it('MODIFIED copy of the recording, finish chunk removed (a stream cut cleanly): no done, an incomplete_stream protocol error', async () => {
    const chunks = fixture('text-stream').filter((item) => !item.choices[0]?.finish_reason);
    const { events, error } = await collectUntilThrow(chunks);
    expect(events.some((event) => event.type === 'done')).toBe(false);
    expect(events.map((event) => event.type)).toContain('text_delta');
    expect(error).toBeInstanceOf(VerifyError);
    expect(error).toMatchObject({ kind: 'incomplete_stream', layer: 'protocol', message: 'openai-chat stream ended without a chunk with a finish_reason' });
  });

  it('MODIFIED copy of the recording cut after three chunks: no done, incomplete_stream', async () => {
    const { events, error } = await collectUntilThrow(fixture('text-stream').slice(0, 3));
    expect(events.at(-1)?.type).toBe('text_delta');
    expect(error).toMatchObject({ kind: 'incomplete_stream', layer: 'protocol' });
  });

  it('length stream: done with length after the usage-only chunk', async () => {
    const events = await collect(fixture('length-stream'));
    expect(events.map((event) => event.type)).toEqual(['start', 'text_delta', 'text_delta', 'text_delta', 'usage', 'done']);
    expect(events.at(-1)).toMatchObject({ finishReason: 'length', rawFinishReason: 'length' });
    expect(events.at(-2)).toMatchObject({ usage: { output: 3 } });
  });

  it('timestamps are monotonic', async () => {
    const at = (await collect(fixture('text-stream'))).map((event) => event.at);
    expect(at.every((value, index) => index === 0 || value >= (at[index - 1] ?? 0))).toBe(true);
  });
});

describe('openai-chat stream normalization: hand-made tool-call chunks (not live-verified here)', () => {
  it('assembles argument deltas split across chunks; id and name only in the first', async () => {
    const events = await collect([
      chunk({ role: 'assistant', content: null }),
      tools({ index: 0, id: 'call_w', type: 'function', function: { name: 'get_weather', arguments: '' } }),
      tools({ index: 0, function: { arguments: '{"ci' } }),
      tools({ index: 0, function: { arguments: 'ty": "Pa' } }),
      tools({ index: 0, function: { arguments: 'ris"}' } }),
      chunk({}, 'tool_calls'),
      usageChunk,
    ]);
    expect(events.map((event) => event.type)).toEqual(['start', 'tool_call_start', 'tool_call_delta', 'tool_call_delta', 'tool_call_delta', 'tool_call_end', 'usage', 'done']);
    expect(events[1]).toMatchObject({ id: 'call_w', name: 'get_weather' });
    expect(events[5]).toMatchObject({ id: 'call_w', name: 'get_weather', argumentsText: '{"city": "Paris"}', arguments: { city: 'Paris' } });
    expect(events[6]).toMatchObject({ usage: { input: 30, output: 20, total: 50 } });
    expect(events[7]).toMatchObject({ finishReason: 'tool_calls', rawFinishReason: 'tool_calls' });
  });

  it('keeps two interleaved calls apart by index and ends them in start order', async () => {
    const events = await collect([
      tools({ index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":' } }),
      tools({ index: 1, id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '{"tz"' } }),
      tools({ index: 1, function: { arguments: ': "UTC"}' } }, { index: 0, function: { arguments: ' "Rome"}' } }),
      chunk({}, 'tool_calls'),
      usageChunk,
    ]);
    const ends = events.filter((event) => event.type === 'tool_call_end');
    expect(ends).toMatchObject([
      { id: 'call_a', name: 'get_weather', argumentsText: '{"city": "Rome"}', arguments: { city: 'Rome' } },
      { id: 'call_b', name: 'get_time', argumentsText: '{"tz": "UTC"}', arguments: { tz: 'UTC' } },
    ]);
    const deltas = events.flatMap((event) => (event.type === 'tool_call_delta' ? [`${event.id}:${event.argumentsDelta}`] : []));
    expect(deltas).toEqual(['call_a:{"city":', 'call_b:{"tz"', 'call_b:: "UTC"}', 'call_a: "Rome"}']);
    expect(events.map((event) => event.type).slice(-4)).toEqual(['tool_call_end', 'tool_call_end', 'usage', 'done']);
  });

  it('ends open calls at stream end when no finish_reason came (a parse error for cut-off JSON), then throws instead of inventing done', async () => {
    const { events, error } = await collectUntilThrow([tools({ index: 0, id: 'call_c', type: 'function', function: { name: 'f', arguments: '{"a": 1' } })]);
    expect(events.map((event) => event.type)).toEqual(['start', 'tool_call_start', 'tool_call_delta', 'tool_call_end']);
    const end = events[3];
    expect(end?.type === 'tool_call_end' && end.parseError).toMatch(/JSON/);
    expect(error).toMatchObject({ kind: 'incomplete_stream', layer: 'protocol' });
  });

  it('emits reasoning_content deltas before text', async () => {
    const events = await collect([
      chunk({ reasoning_content: 'think' } as ChatCompletionChunk.Choice['delta']),
      chunk({ content: 'answer' }, 'stop'),
    ]);
    expect(events.map((event) => (event.type === 'reasoning_delta' || event.type === 'text_delta' ? `${event.type}:${event.text}` : event.type))).toEqual([
      'start',
      'reasoning_delta:think',
      'text_delta:answer',
      'done',
    ]);
  });
});

/**
 * REAL recording (fixtures/tool-call-stream.json, via fixtures/record-tool-stream.ts): llama-server de3ff81,
 * SmolLM2-135M, --chat-template-file fixtures/chat-templates/smollm2-required-cohere2moe.jinja, tool_choice "required".
 */
describe('openai-chat stream normalization: recorded llama-server tool-call stream', () => {
  const recorded = () => fixture('tool-call-stream');
  const argumentsText = (events: StreamEvent[]) => events.map((event) => (event.type === 'tool_call_delta' ? event.argumentsDelta : '')).join('');

  it('splits the argument text over several tool_call_delta chunks, after the tool_call_start with the same id', async () => {
    const events = await collect(recorded());
    const deltas = events.filter((event) => event.type === 'tool_call_delta');
    expect(deltas.length).toBeGreaterThan(1);
    const starts = events.flatMap((event, index) => (event.type === 'tool_call_start' ? [{ event, index }] : []));
    expect(starts).toHaveLength(1);
    const start = starts[0];
    expect(start?.event).toMatchObject({ id: '0', name: 'calculator' });
    const firstDelta = events.findIndex((event) => event.type === 'tool_call_delta' && event.id === start?.event.id);
    expect(firstDelta).toBeGreaterThan(start?.index ?? Infinity);
    expect(deltas.every((event) => event.id === start?.event.id)).toBe(true);
  });

  it('ends exactly one call whose parsed arguments equal JSON.parse of the assembled text', async () => {
    const events = await collect(recorded());
    const ends = events.filter((event) => event.type === 'tool_call_end');
    expect(ends).toHaveLength(1);
    const end = ends[0];
    if (end?.type !== 'tool_call_end') throw new Error('no tool_call_end');
    const text = argumentsText(events);
    expect(end.argumentsText).toBe(text);
    expect(end.parseError).toBeUndefined();
    expect(end.arguments).toEqual(JSON.parse(text));
    expect(typeof (end.arguments as { expression?: unknown }).expression).toBe('string');
  });

  it('reports usage and ends with done tool_calls', async () => {
    const events = await collect(recorded());
    expect(events[0]).toMatchObject({ type: 'start', model: 'smollm2-135m-instruct' });
    expect(events.some((event) => event.type === 'usage')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'tool_calls', rawFinishReason: 'tool_calls' });
    expect(events.filter((event) => event.type === 'done')).toHaveLength(1);
  });

  it('MODIFIED copy of the recording, the wire id removed: the call has no id (never invented), keyed by its index', async () => {
    const chunks = recorded().map((item) => {
      const copy = structuredClone(item);
      for (const call of copy.choices[0]?.delta.tool_calls ?? []) delete (call as { id?: string }).id;
      return copy;
    });
    const events = await collect(chunks);
    const toolEvents = events.filter((event) => event.type.startsWith('tool_call_'));
    expect(toolEvents.length).toBeGreaterThan(2);
    for (const event of toolEvents) {
      expect(event).toMatchObject({ index: 0 });
      expect('id' in event).toBe(false);
    }
  });

  it('streams the same call (name + arguments) as the recorded non-streamed response', async () => {
    const response = fromChatCompletion(JSON.parse(readFileSync(new URL('./fixtures/tool-call-response.json', import.meta.url), 'utf8')) as ChatCompletion);
    const end = (await collect(recorded())).find((event) => event.type === 'tool_call_end');
    expect(response.toolCalls).toHaveLength(1);
    expect(end).toMatchObject({ name: response.toolCalls[0]?.name, argumentsText: response.toolCalls[0]?.argumentsText });
  });

  it('DERIVED from the recording (not a real server stream): a synthetic second call at index 1 interleaved chunk by chunk stays apart', async () => {
    const chunks = recorded();
    const withCalls = chunks.filter((item) => item.choices[0]?.delta.tool_calls?.length);
    const before = chunks.slice(0, chunks.indexOf(withCalls[0] as ChatCompletionChunk));
    const after = chunks.slice(chunks.indexOf(withCalls.at(-1) as ChatCompletionChunk) + 1);
    const synthetic = (item: ChatCompletionChunk): ChatCompletionChunk => {
      const copy = structuredClone(item);
      for (const call of copy.choices[0]?.delta.tool_calls ?? []) {
        call.index = 1;
        if (call.id !== undefined) call.id = 'derived-1';
      }
      return copy;
    };
    const interleaved = withCalls.flatMap((item) => [item, synthetic(item)]);
    const events = await collect([...before, ...interleaved, ...after]);
    const ends = events.filter((event) => event.type === 'tool_call_end');
    expect(ends).toHaveLength(2);
    expect(ends[0]).toMatchObject({ id: '0', name: 'calculator' });
    expect(ends[1]).toMatchObject({ id: 'derived-1', name: 'calculator', argumentsText: (ends[0] as { argumentsText: string }).argumentsText });
    expect(ends[1]).toMatchObject({ arguments: (ends[0] as { arguments: unknown }).arguments });
    const ids = events.flatMap((event) => (event.type === 'tool_call_delta' ? [`${event.index}:${event.id}`] : []));
    expect(ids.slice(0, 4)).toEqual(['0:0', '1:derived-1', '0:0', '1:derived-1']);
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'tool_calls' });
  });
});
