import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../contract/stream.ts';
import { ToolCallAssembler, parseToolArguments } from './tool-call-assembler.ts';

const strip = (events: StreamEvent[]) => events.map(({ at: _at, ...rest }) => rest);

describe('parseToolArguments', () => {
  it('parses JSON, treats blank as {}, reports invalid JSON', () => {
    expect(parseToolArguments('{"a":1}')).toEqual({ arguments: { a: 1 } });
    expect(parseToolArguments('  ')).toEqual({ arguments: {} });
    const bad = parseToolArguments('{"a":');
    expect(bad.arguments).toBeUndefined();
    expect(bad.parseError).toMatch(/JSON/);
  });
});

describe('ToolCallAssembler', () => {
  it('assembles split deltas; id and name come only in the first fragment', () => {
    const assembler = new ToolCallAssembler();
    const events = [
      ...assembler.push(0, { id: 'call_1', name: 'get_weather', argumentsDelta: '' }),
      ...assembler.push(0, { argumentsDelta: '{"city":' }),
      ...assembler.push(0, { argumentsDelta: '"Paris"}' }),
      ...assembler.end(0),
    ];
    expect(strip(events)).toEqual([
      { type: 'tool_call_start', index: 0, id: 'call_1', name: 'get_weather' },
      { type: 'tool_call_delta', index: 0, id: 'call_1', argumentsDelta: '{"city":' },
      { type: 'tool_call_delta', index: 0, id: 'call_1', argumentsDelta: '"Paris"}' },
      { type: 'tool_call_end', index: 0, id: 'call_1', name: 'get_weather', argumentsText: '{"city":"Paris"}', arguments: { city: 'Paris' } },
    ]);
    expect(events.every((event) => typeof event.at === 'number')).toBe(true);
  });

  it('invents no id when none is sent (the call has none), and takes a late name', () => {
    const assembler = new ToolCallAssembler();
    assembler.push(3, { argumentsDelta: '{}' });
    assembler.push(3, { name: 'late' });
    assembler.push(3, { name: 'ignored' });
    const [end] = strip(assembler.end(3));
    expect(end).toEqual({ type: 'tool_call_end', index: 0, name: 'late', argumentsText: '{}', arguments: {} });
    expect(end && 'id' in end).toBe(false);
  });

  it('takes an id that arrives in a later fragment, and marks only ids the adapter says it synthesized', () => {
    const assembler = new ToolCallAssembler();
    const [start] = strip(assembler.push('item', { name: 'f' }));
    expect(start).toEqual({ type: 'tool_call_start', index: 0, name: 'f' });
    expect(strip(assembler.end('item'))).toEqual([{ type: 'tool_call_end', index: 0, name: 'f', argumentsText: '', arguments: {} }]);
    const late = new ToolCallAssembler();
    late.push('k', { name: 'f' });
    expect(strip(late.push('k', { id: 'call_late', argumentsDelta: '{}' }))).toEqual([{ type: 'tool_call_delta', index: 0, id: 'call_late', argumentsDelta: '{}' }]);
    const synthesized = new ToolCallAssembler();
    expect(strip(synthesized.push(0, { id: 'syn_0', idSource: 'synthesized', name: 'f' }))).toEqual([{ type: 'tool_call_start', index: 0, id: 'syn_0', idSource: 'synthesized', name: 'f' }]);
  });

  it('endAll ends open calls in start order; empty arguments give {}; invalid JSON gives parseError', () => {
    const assembler = new ToolCallAssembler();
    assembler.push('b', { id: 'id_b', name: 'second_started_first', argumentsDelta: '{"x": tru' });
    assembler.push('a', { id: 'id_a', name: 'no_args' });
    assembler.push('b', { argumentsDelta: 'e' }); // still invalid: missing }
    const ends = assembler.endAll();
    expect(ends.map((event) => (event.type === 'tool_call_end' ? `${event.index}:${event.id}` : event.type))).toEqual(['0:id_b', '1:id_a']);
    const [first, second] = ends;
    expect(first).toMatchObject({ argumentsText: '{"x": true' });
    expect(first && 'arguments' in first).toBe(false);
    expect(first?.type === 'tool_call_end' && first.parseError).toMatch(/JSON/);
    expect(second).toMatchObject({ argumentsText: '', arguments: {} });
    expect(second?.type === 'tool_call_end' && second.parseError).toBeUndefined();
  });

  it('end of an unknown or already ended key returns nothing; endAll skips ended calls', () => {
    const assembler = new ToolCallAssembler();
    expect(assembler.end(9)).toEqual([]);
    assembler.push(0, { id: 'x', name: 'n' });
    assembler.push(1, { id: 'y', name: 'm' });
    expect(assembler.end(0)).toHaveLength(1);
    expect(assembler.end(0)).toEqual([]);
    expect(strip(assembler.endAll()).map((event) => event.type === 'tool_call_end' && event.id)).toEqual(['y']);
    expect(assembler.endAll()).toEqual([]);
  });
});
