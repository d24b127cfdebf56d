import { describe, expect, it } from 'vitest';
import { checkOpenAIResponsesEventOrder as check } from './event-order.ts';

let sequence = 0;
const ev = (type: string, extra: Record<string, unknown> = {}) => ({ type, sequence_number: sequence++, ...extra });
const text = () => {
  sequence = 0;
  return [
    ev('response.created', { response: { id: 'resp_1' } }),
    ev('response.in_progress'),
    ev('response.output_item.added', { output_index: 0, item: { id: 'msg_1', type: 'message' } }),
    ev('response.content_part.added', { item_id: 'msg_1', output_index: 0, content_index: 0 }),
    ev('response.output_text.delta', { item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hi' }),
    ev('response.output_text.done', { item_id: 'msg_1', output_index: 0, content_index: 0, text: 'Hi' }),
    ev('response.content_part.done', { item_id: 'msg_1', output_index: 0, content_index: 0 }),
    ev('response.output_item.done', { output_index: 0, item: { id: 'msg_1', type: 'message' } }),
    ev('response.completed', { response: { id: 'resp_1' } }),
  ];
};
const tool = () => {
  sequence = 0;
  return [
    ev('response.created'),
    ev('response.output_item.added', { output_index: 0, item: { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'f' } }),
    ev('response.function_call_arguments.delta', { item_id: 'fc_1', output_index: 0, delta: '{}' }),
    ev('response.function_call_arguments.done', { item_id: 'fc_1', output_index: 0, arguments: '{}' }),
    ev('response.output_item.done', { output_index: 0, item: { id: 'fc_1', type: 'function_call' } }),
    ev('response.completed'),
  ];
};

describe('openai-responses event order (hand-written sequences)', () => {
  it('accepts text and function-call streams, and an incomplete terminal', () => {
    expect(check(text())).toEqual([]);
    expect(check(tool())).toEqual([]);
    const incomplete = text();
    incomplete[8] = { ...incomplete[8], type: 'response.incomplete' } as (typeof incomplete)[number];
    expect(check(incomplete)).toEqual([]);
  });

  it('flags a wrong first event and a missing or early terminal', () => {
    expect(check(text().slice(1))[0]).toMatch(/first event is response.in_progress/);
    expect(check(text().slice(0, 8))).toContain('no terminal event (response.completed / incomplete / failed)');
    const events = text();
    expect(check([...events.slice(0, 8), events[8], ev('response.output_text.delta', { item_id: 'msg_1' })]).join()).toMatch(/events follow the terminal event/);
  });

  it('flags a text delta outside its item and outside its content part', () => {
    const events = text();
    const outside = [...events.slice(0, 2), events[4], ...events.slice(2, 4), ...events.slice(5)];
    expect(check(outside).join()).toMatch(/for item msg_1 outside output_item.added/);
    const noPart = events.filter((event) => !event.type.startsWith('response.content_part'));
    expect(check(noPart).join()).toMatch(/outside content part msg_1#0/);
  });

  it('flags an item left open at completion, a done without added, and a non-increasing sequence number', () => {
    const events = text();
    expect(check([...events.slice(0, 7), events[8]]).join()).toMatch(/response.completed while item msg_1 is not done/);
    const fc = tool();
    expect(check([fc[0], ...fc.slice(2)]).join()).toMatch(/output_item.done for item fc_1 that was not added/);
    const repeated = text();
    repeated[5] = { ...repeated[5], sequence_number: 2 } as (typeof repeated)[number];
    expect(check(repeated).join()).toMatch(/sequence_number 2 does not increase/);
  });

  it('flags an error event', () => {
    const events = text();
    expect(check([...events.slice(0, 8), ev('error', { message: 'overloaded' }), events[8]]).join()).toMatch(/error event: overloaded/);
  });
});
