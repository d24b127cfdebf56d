import { readFileSync } from 'node:fs';
import type { Response, ResponseStreamEvent } from 'openai/resources/responses/responses';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../contract/stream.ts';
import { fromResponse } from './map-response.ts';
import { kindFromResponsesErrorCode, normalizeResponseEvents } from './map-stream.ts';

async function* from<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function collect(events: ResponseStreamEvent[]): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const event of normalizeResponseEvents(from(events))) out.push(event);
  return out;
}

/** The events a stream yields before it throws, and what it threw. */
async function collectUntilThrow(events: ResponseStreamEvent[]): Promise<{ events: StreamEvent[]; error: unknown }> {
  const out: StreamEvent[] = [];
  try {
    for await (const event of normalizeResponseEvents(from(events))) out.push(event);
  } catch (error) {
    return { events: out, error };
  }
  return { events: out, error: undefined };
}

function fixture(name: string): ResponseStreamEvent[] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as ResponseStreamEvent[];
}

const resp = (overrides: Partial<Response>) =>
  ({ id: 'resp_1', model: 'm', object: 'response', status: 'in_progress', output: [], usage: undefined, incomplete_details: null, error: null, ...overrides }) as Response;
let seq = 0;
const ev = (event: Record<string, unknown>) => ({ sequence_number: seq++, ...event }) as unknown as ResponseStreamEvent;
const usage = { input_tokens: 5, output_tokens: 2, total_tokens: 7 };
const call = { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'calculator', arguments: '', status: 'in_progress' };

describe('openai-responses stream normalization (synthetic SDK events)', () => {
  it('normalizes a text stream: start, deltas, usage, done', async () => {
    const events = await collect([
      ev({ type: 'response.created', response: resp({}) }),
      ev({ type: 'response.output_item.added', output_index: 0, item: { type: 'message', id: 'msg', role: 'assistant', status: 'in_progress', content: [] } }),
      ev({ type: 'response.output_text.delta', output_index: 0, content_index: 0, item_id: 'msg', delta: 'Hel', logprobs: [] }),
      ev({ type: 'response.output_text.delta', output_index: 0, content_index: 0, item_id: 'msg', delta: 'lo', logprobs: [] }),
      ev({ type: 'response.completed', response: resp({ status: 'completed', usage: usage as Response['usage'] }) }),
    ]);
    expect(events.map((e) => e.type)).toEqual(['start', 'text_delta', 'text_delta', 'usage', 'done']);
    expect(events[0]).toMatchObject({ id: 'resp_1', model: 'm' });
    expect(events[3]).toMatchObject({ usage: { input: 5, output: 2, total: 7 } });
    expect(events[4]).toMatchObject({ finishReason: 'stop', rawFinishReason: 'completed' });
  });

  it('assembles a function call keyed by call_id and ends it once', async () => {
    const events = await collect([
      ev({ type: 'response.created', response: resp({}) }),
      ev({ type: 'response.output_item.added', output_index: 0, item: call }),
      ev({ type: 'response.function_call_arguments.delta', output_index: 0, item_id: 'fc_1', delta: '{"expression":' }),
      ev({ type: 'response.function_call_arguments.delta', output_index: 0, item_id: 'fc_1', delta: '"2+2"}' }),
      ev({ type: 'response.function_call_arguments.done', output_index: 0, item_id: 'fc_1', arguments: '{"expression":"2+2"}' }),
      ev({ type: 'response.output_item.done', output_index: 0, item: { ...call, arguments: '{"expression":"2+2"}', status: 'completed' } }),
      ev({ type: 'response.completed', response: resp({ status: 'completed', output: [{ ...call, arguments: '{"expression":"2+2"}' }] as Response['output'] }) }),
    ]);
    expect(events.map((e) => e.type)).toEqual(['start', 'tool_call_start', 'tool_call_delta', 'tool_call_delta', 'tool_call_end', 'done']);
    expect(events[1]).toMatchObject({ id: 'call_1', name: 'calculator' });
    expect(events[4]).toMatchObject({ id: 'call_1', argumentsText: '{"expression":"2+2"}', arguments: { expression: '2+2' } });
    expect(events[5]).toMatchObject({ finishReason: 'tool_calls' });
  });

  it('takes the arguments from the .done events when no delta was streamed', async () => {
    const events = await collect([
      ev({ type: 'response.output_item.added', output_index: 1, item: call }),
      ev({ type: 'response.output_item.done', output_index: 1, item: { ...call, arguments: '{"expression":"3"}' } }),
      ev({ type: 'response.completed', response: resp({ status: 'completed' }) }),
    ]);
    const end = events.find((e) => e.type === 'tool_call_end');
    expect(end).toMatchObject({ argumentsText: '{"expression":"3"}' });
    expect(events.filter((e) => e.type === 'tool_call_delta')).toHaveLength(1);
  });

  it('reports invalid argument JSON as a parse error, not a crash', async () => {
    const events = await collect([
      ev({ type: 'response.output_item.added', output_index: 0, item: call }),
      ev({ type: 'response.function_call_arguments.delta', output_index: 0, item_id: 'fc_1', delta: '{"expression":' }),
      ev({ type: 'response.completed', response: resp({ status: 'completed' }) }),
    ]);
    const end = events.find((e) => e.type === 'tool_call_end');
    expect(end && 'parseError' in end && end.parseError).toBeTruthy();
  });

  it('maps incomplete max_output_tokens to length', async () => {
    const events = await collect([ev({ type: 'response.incomplete', response: resp({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } }) })]);
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'length', rawFinishReason: 'max_output_tokens' });
  });

  it('turns error and failed events into error events (rate limit and server errors are infra), and a stream without a terminal event into incomplete_stream', async () => {
    const errored = await collectUntilThrow([ev({ type: 'error', code: 'rate_limit_exceeded', message: 'slow down', param: null })]);
    expect(errored.events.map((e) => e.type)).toEqual(['start', 'error']);
    expect(errored.events[1]).toMatchObject({ error: { kind: 'rate_limit', layer: 'infra' } });
    expect(errored.error).toMatchObject({ kind: 'incomplete_stream', layer: 'protocol' });
    const failed = await collect([ev({ type: 'response.failed', response: resp({ status: 'failed', error: { code: 'server_error', message: 'boom' } }) })]);
    expect(failed.map((e) => e.type)).toEqual(['start', 'error', 'done']);
    expect(failed[1]).toMatchObject({ error: { kind: 'server', layer: 'infra' } });
    expect(failed[2]).toMatchObject({ finishReason: 'error', rawFinishReason: 'server_error' });
    expect(kindFromResponsesErrorCode('invalid_prompt')).toBe('invalid_request');
  });

  it('a call whose deltas arrive before output_item.added starts without an id (the item id is no call_id) and takes call_id from the finished item', async () => {
    const events = await collect([
      ev({ type: 'response.function_call_arguments.delta', output_index: 0, item_id: 'fc_1', delta: '{}' }),
      ev({ type: 'response.output_item.done', output_index: 0, item: { ...call, arguments: '{}', status: 'completed' } }),
      ev({ type: 'response.completed', response: resp({ status: 'completed' }) }),
    ]);
    const start = events.find((e) => e.type === 'tool_call_start');
    expect(start && 'id' in start).toBe(false);
    expect(events.find((e) => e.type === 'tool_call_end')).toMatchObject({ id: 'call_1', name: 'calculator' });
    const bare = await collect([
      ev({ type: 'response.function_call_arguments.delta', output_index: 0, item_id: 'fc_1', delta: '{}' }),
      ev({ type: 'response.function_call_arguments.done', output_index: 0, item_id: 'fc_1', arguments: '{}' }),
      ev({ type: 'response.completed', response: resp({ status: 'completed' }) }),
    ]);
    const end = bare.find((e) => e.type === 'tool_call_end');
    expect(end && 'id' in end).toBe(false);
  });

  it('emits reasoning deltas', async () => {
    const { events } = await collectUntilThrow([ev({ type: 'response.reasoning_text.delta', output_index: 0, content_index: 0, item_id: 'r', delta: 'think' })]);
    expect(events[1]).toMatchObject({ type: 'reasoning_delta', text: 'think' });
  });
});

describe('openai-responses stream normalization (events recorded from llama-server)', () => {
  it('text stream: start first, text equals the completed response, usage, done stop last', async () => {
    const raw = fixture('text-stream');
    const events = await collect(raw);
    expect(events[0]?.type).toBe('start');
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'stop' });
    const completed = raw.find((e) => e.type === 'response.completed');
    if (completed?.type !== 'response.completed') throw new Error('fixture has no response.completed');
    const text = events.flatMap((e) => (e.type === 'text_delta' ? [e.text] : [])).join('');
    expect(text.length).toBeGreaterThan(0);
    expect(text).toBe(fromResponse(completed.response).text);
    const usageEvent = events.find((e) => e.type === 'usage');
    expect(usageEvent && usageEvent.type === 'usage' && usageEvent.usage.output).toBeGreaterThan(0);
    expect(events.some((e) => e.type === 'tool_call_start')).toBe(false);
  });

  it('tool stream (tool_choice required): one calculator call, id = call_id, arguments as in output_item.done', async () => {
    const raw = fixture('tool-stream');
    const events = await collect(raw);
    const added = raw.find((e) => e.type === 'response.output_item.added' && e.item.type === 'function_call');
    const done = raw.find((e) => e.type === 'response.output_item.done' && e.item.type === 'function_call');
    if (added?.type !== 'response.output_item.added' || added.item.type !== 'function_call') throw new Error('fixture has no function_call item');
    if (done?.type !== 'response.output_item.done' || done.item.type !== 'function_call') throw new Error('fixture has no finished function_call');
    const starts = events.filter((e) => e.type === 'tool_call_start');
    const ends = events.filter((e) => e.type === 'tool_call_end');
    expect(starts).toHaveLength(1);
    expect(ends).toHaveLength(1);
    expect(starts[0]).toMatchObject({ id: added.item.call_id, name: 'calculator' });
    expect(ends[0]).toMatchObject({ id: added.item.call_id, name: 'calculator', argumentsText: done.item.arguments });
    const deltas = events.flatMap((e) => (e.type === 'tool_call_delta' ? [e.argumentsDelta] : [])).join('');
    expect(deltas).toBe(done.item.arguments);
    expect(events.findIndex((e) => e.type === 'tool_call_end')).toBeGreaterThan(events.findIndex((e) => e.type === 'tool_call_start'));
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'tool_calls' });
  });

  it('MODIFIED copy of the text recording, response.completed removed (a stream cut cleanly): no done, incomplete_stream', async () => {
    const { events, error } = await collectUntilThrow(fixture('text-stream').filter((e) => e.type !== 'response.completed'));
    expect(events.some((e) => e.type === 'done')).toBe(false);
    expect(events.some((e) => e.type === 'text_delta')).toBe(true);
    expect(error).toMatchObject({ kind: 'incomplete_stream', layer: 'protocol', message: expect.stringMatching(/ended without response.completed/) });
  });

  it('MODIFIED copy of the tool recording, call_id removed: the call has no id (the item id never stands in)', async () => {
    const raw = fixture('tool-stream').map((e) => {
      const copy = structuredClone(e) as ResponseStreamEvent & { item?: { call_id?: string } };
      if (copy.item && 'call_id' in copy.item) delete copy.item.call_id;
      return copy as ResponseStreamEvent;
    });
    const events = await collect(raw);
    const toolEvents = events.filter((e) => e.type.startsWith('tool_call_'));
    expect(toolEvents.length).toBeGreaterThan(1);
    for (const event of toolEvents) expect('id' in event, event.type).toBe(false);
  });
});
