import { readFileSync } from 'node:fs';
import type { Message, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages/messages';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../contract/stream.ts';
import { normalizeAnthropicEvents } from './map-stream.ts';

async function* from<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function collect(events: RawMessageStreamEvent[]): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const event of normalizeAnthropicEvents(from(events))) out.push(event);
  return out;
}

/** The events a stream yields before it throws, and what it threw. */
async function collectUntilThrow(events: RawMessageStreamEvent[]): Promise<{ events: StreamEvent[]; error: unknown }> {
  const out: StreamEvent[] = [];
  try {
    for await (const event of normalizeAnthropicEvents(from(events))) out.push(event);
  } catch (error) {
    return { events: out, error };
  }
  return { events: out, error: undefined };
}

function fixture(name: string): RawMessageStreamEvent[] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as RawMessageStreamEvent[];
}

const start = (): RawMessageStreamEvent => ({
  type: 'message_start',
  message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'm', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 9, output_tokens: 0 } } as unknown as Message,
});
const messageDelta = (stop: string, output: number): RawMessageStreamEvent =>
  ({ type: 'message_delta', delta: { stop_reason: stop, stop_sequence: null }, usage: { output_tokens: output } }) as unknown as RawMessageStreamEvent;
const stop: RawMessageStreamEvent = { type: 'message_stop' };

describe('anthropic-messages stream normalization (synthetic SDK events)', () => {
  it('normalizes a text stream with usage from message_start + message_delta', async () => {
    const events = await collect([
      start(),
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '', citations: null } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hel' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'lo' } },
      { type: 'content_block_stop', index: 0 },
      messageDelta('end_turn', 2),
      stop,
    ]);
    expect(events.map((e) => e.type)).toEqual(['start', 'text_delta', 'text_delta', 'usage', 'done']);
    expect(events[0]).toMatchObject({ id: 'msg_1', model: 'm' });
    expect(events[3]).toMatchObject({ usage: { input: 9, output: 2 } });
    expect(events[3]?.type === 'usage' && 'total' in events[3].usage && events[3].usage.total !== undefined).toBe(false);
    expect(events[4]).toMatchObject({ finishReason: 'stop', rawFinishReason: 'end_turn' });
  });

  it('assembles tool_use input_json_delta fragments per block index', async () => {
    const events = await collect([
      start(),
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '', citations: null } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'calculator', input: {}, caller: { type: 'direct' } } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"expression":' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '"2+2"}' } },
      { type: 'content_block_stop', index: 1 },
      messageDelta('tool_use', 12),
      stop,
    ]);
    expect(events.map((e) => e.type)).toEqual(['start', 'tool_call_start', 'tool_call_delta', 'tool_call_delta', 'tool_call_end', 'usage', 'done']);
    expect(events[1]).toMatchObject({ id: 'toolu_1', name: 'calculator' });
    expect(events[4]).toMatchObject({ id: 'toolu_1', argumentsText: '{"expression":"2+2"}', arguments: { expression: '2+2' } });
    expect(events.at(-1)).toMatchObject({ finishReason: 'tool_calls', rawFinishReason: 'tool_use' });
  });

  it('reads a tool input sent whole in content_block_start, and empty input as {}', async () => {
    const { events } = await collectUntilThrow([
      { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 't', name: 'calculator', input: { expression: '1' }, caller: { type: 'direct' } } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'u', name: 'calculator', input: {}, caller: { type: 'direct' } } },
      { type: 'content_block_stop', index: 1 },
    ]);
    const ends = events.filter((e) => e.type === 'tool_call_end');
    expect(ends[0]).toMatchObject({ id: 't', argumentsText: '{"expression":"1"}' });
    expect(ends[1]).toMatchObject({ id: 'u', argumentsText: '', arguments: {} });
  });

  it('emits thinking deltas as reasoning and maps max_tokens to length', async () => {
    const events = await collect([
      start(),
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'hmm' } },
      { type: 'content_block_stop', index: 0 },
      messageDelta('max_tokens', 4),
      stop,
    ]);
    expect(events).toContainEqual(expect.objectContaining({ type: 'reasoning_delta', text: 'hmm' }));
    expect(events.at(-1)).toMatchObject({ finishReason: 'length' });
  });

  it('ends a stream without message_delta and message_stop by closing open tool calls and throwing incomplete_stream (no invented done)', async () => {
    const { events, error } = await collectUntilThrow([
      start(),
      { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 't', name: 'calculator', input: {}, caller: { type: 'direct' } } },
      { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"expr' } },
    ]);
    expect(events.map((e) => e.type)).toEqual(['start', 'tool_call_start', 'tool_call_delta', 'tool_call_end']);
    expect(events[3]).toMatchObject({ parseError: expect.any(String) });
    expect(error).toMatchObject({ kind: 'incomplete_stream', layer: 'protocol', message: 'anthropic-messages stream ended without a message_delta with stop_reason, then message_stop' });
  });
});

describe('anthropic-messages stream normalization (events recorded from llama-server)', () => {
  it('text stream: documented event order, text, usage, done stop', async () => {
    const raw = fixture('text-stream');
    expect(raw[0]?.type).toBe('message_start');
    expect(raw.at(-1)?.type).toBe('message_stop');
    expect(raw.at(-2)?.type).toBe('message_delta');
    const events = await collect(raw);
    expect(events[0]?.type).toBe('start');
    const text = events.flatMap((e) => (e.type === 'text_delta' ? [e.text] : [])).join('');
    const expected = raw.flatMap((e) => (e.type === 'content_block_delta' && e.delta.type === 'text_delta' ? [e.delta.text] : [])).join('');
    expect(text.length).toBeGreaterThan(0);
    expect(text).toBe(expected);
    const usage = events.find((e) => e.type === 'usage');
    expect(usage && usage.type === 'usage' && usage.usage.output).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'stop' });
  });

  it('tool stream (tool_choice any): one calculator tool_use, id from content_block_start, done tool_calls', async () => {
    const raw = fixture('tool-stream');
    const block = raw.find((e) => e.type === 'content_block_start' && e.content_block.type === 'tool_use');
    if (block?.type !== 'content_block_start' || block.content_block.type !== 'tool_use') throw new Error('fixture has no tool_use block');
    const events = await collect(raw);
    const starts = events.filter((e) => e.type === 'tool_call_start');
    const ends = events.filter((e) => e.type === 'tool_call_end');
    expect(starts).toHaveLength(1);
    expect(ends).toHaveLength(1);
    expect(starts[0]).toMatchObject({ id: block.content_block.id, name: 'calculator' });
    const json = raw.flatMap((e) => (e.type === 'content_block_delta' && e.delta.type === 'input_json_delta' ? [e.delta.partial_json] : [])).join('');
    expect(ends[0]).toMatchObject({ id: block.content_block.id, argumentsText: json });
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'tool_calls' });
  });

  it('MODIFIED copies of the text recording: without message_stop, or without the message_delta stop_reason, there is no done', async () => {
    const raw = fixture('text-stream');
    for (const cut of [raw.filter((e) => e.type !== 'message_stop'), raw.filter((e) => e.type !== 'message_delta')]) {
      const { events, error } = await collectUntilThrow(cut);
      expect(events.some((e) => e.type === 'done')).toBe(false);
      expect(error).toMatchObject({ kind: 'incomplete_stream', layer: 'protocol' });
    }
  });

  it('MODIFIED copy of the tool recording, tool_use id removed: the call has no id (never invented)', async () => {
    const raw = fixture('tool-stream').map((e) => {
      const copy = structuredClone(e);
      if (copy.type === 'content_block_start' && copy.content_block.type === 'tool_use') delete (copy.content_block as { id?: string }).id;
      return copy;
    });
    const toolEvents = (await collect(raw)).filter((e) => e.type.startsWith('tool_call_'));
    expect(toolEvents.length).toBeGreaterThan(1);
    for (const event of toolEvents) expect('id' in event).toBe(false);
  });
});
