import { describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../harness/contract/chat.ts';
import { createFakeProtocolClient, type ScriptedTurn } from '../../harness/testing/fake-protocol-client.ts';
import { fakeTarget } from '../../harness/testing/fake-target.ts';
import { findTemplateMarkers, numbersIn } from '../../harness/suite/call-checks.ts';
import { runDefinition } from '../../harness/testing/run-definition.ts';
import { toolsSuite } from './tools.suite.ts';

const call = (name: string, argumentsText: string, id = `call_${name}`): ChatResponse => ({
  text: '',
  toolCalls: [{ id, name, argumentsText }],
  finishReason: 'tool_calls',
  rawFinishReason: 'tool_calls',
});
const text = (content: string): ChatResponse => ({ text: content, toolCalls: [], finishReason: 'stop', rawFinishReason: 'stop' });
const test = (id: string) => {
  const found = toolsSuite.tests.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no test ${id}`);
  return found;
};
const run = async (id: string, script: ScriptedTurn[]) => runDefinition(test(id), await fakeTarget(createFakeProtocolClient(script), { tools: true, tool_choice: true }));

describe('tools suite definitions (scripted fake client: not live-verified here)', () => {
  it('has unique ids, requirements and tags, and the tests the brief lists', () => {
    expect(toolsSuite.tests.map((t) => t.id).sort()).toEqual([
      'call_id_pairing', 'complex_schema', 'file_read_fixture', 'finish_reason_tool_calls', 'multi_step_chain', 'no_arguments_tool',
      'no_leaked_template_tokens', 'parallel_tool_calls', 'single_tool_call', 'tool_choice_none', 'tool_choice_required',
      'tool_choice_specific', 'tool_error_recovery', 'tool_result_roundtrip', 'tool_schema_accepted',
    ]);
    for (const t of toolsSuite.tests) {
      expect(t.requires).toContain('tools');
      expect(t.tags.length).toBeGreaterThan(0);
    }
  });

  it('single_tool_call: pass, protocol (no call), parser (bad JSON / schema), model (wrong tool, wrong value)', async () => {
    expect((await run('single_tool_call', [{ response: call('calculator', '{"expression":"12*7"}') }])).verdict).toBe('pass');
    expect(await run('single_tool_call', [{ response: text('84') }])).toMatchObject({ verdict: 'fail', layer: 'protocol' });
    expect(await run('single_tool_call', [{ response: call('calculator', '{"expression":') }])).toMatchObject({ verdict: 'fail', layer: 'parser' });
    expect(await run('single_tool_call', [{ response: call('calculator', '{"expr":"12*7"}') }])).toMatchObject({ verdict: 'fail', layer: 'parser' });
    expect(await run('single_tool_call', [{ response: call('get_weather', '{"city":"Paris"}') }])).toMatchObject({ verdict: 'fail', layer: 'model' });
    expect(await run('single_tool_call', [{ response: call('calculator', '{"expression":"12+7"}') }])).toMatchObject({ verdict: 'fail', layer: 'model' });
    expect(await run('single_tool_call', [{ response: call('shell', '{}') }])).toMatchObject({ verdict: 'fail', layer: 'protocol' });
  });

  it('tool_choice_none and tool_choice_specific fail at the protocol layer when ignored', async () => {
    expect((await run('tool_choice_none', [{ response: text('42') }])).verdict).toBe('pass');
    expect(await run('tool_choice_none', [{ response: call('calculator', '{"expression":"6*7"}') }])).toMatchObject({ verdict: 'fail', layer: 'protocol' });
    expect((await run('tool_choice_specific', [{ response: call('get_weather', '{"city":"Paris"}') }])).verdict).toBe('pass');
    expect(await run('tool_choice_specific', [{ response: call('get_time', '{}') }])).toMatchObject({ verdict: 'fail', layer: 'protocol' });
  });

  it('finish_reason_tool_calls fails when a call finishes with stop', async () => {
    expect((await run('finish_reason_tool_calls', [{ response: call('calculator', '{"expression":"9*9"}') }])).verdict).toBe('pass');
    const stopped = { ...call('calculator', '{"expression":"9*9"}'), finishReason: 'stop' as const, rawFinishReason: 'stop' };
    expect(await run('finish_reason_tool_calls', [{ response: stopped }])).toMatchObject({ verdict: 'fail', layer: 'protocol' });
    // Cut at max_tokens (128) while writing more calls: length is right, the model ran on.
    const cut = { ...call('calculator', '{"expression":"9*9"}'), finishReason: 'length' as const, rawFinishReason: 'length', usage: { input: 20, output: 128, total: 148 } };
    expect(await run('finish_reason_tool_calls', [{ response: cut }])).toMatchObject({ verdict: 'fail', layer: 'model' });
    // length well under the cap is the protocol's.
    const early = { ...cut, usage: { input: 20, output: 12, total: 32 } };
    expect(await run('finish_reason_tool_calls', [{ response: early }])).toMatchObject({ verdict: 'fail', layer: 'protocol' });
  });

  it('multi_step_chain: pass when each step feeds the next; model failure when the chain breaks', async () => {
    const good = [
      { response: call('get_weather', '{"city":"Paris"}') },
      { response: call('calculator', '{"expression":"17 + 10"}') },
      { response: text('It is 27.') },
    ];
    expect((await run('multi_step_chain', good)).verdict).toBe('pass');
    const broken = [good[0] as ScriptedTurn, { response: call('calculator', '{"expression":"20 + 10"}') }, { response: text('30') }];
    expect(await run('multi_step_chain', broken)).toMatchObject({ verdict: 'fail', layer: 'model', message: expect.stringMatching(/does not use the temperature 17/) });
  });

  it('tool_result_roundtrip and file_read_fixture: model failures when the answer ignores the result', async () => {
    const weather = { response: call('get_weather', '{"city":"Paris"}') };
    expect((await run('tool_result_roundtrip', [weather, { response: text('It is 17°C in Paris.') }])).verdict).toBe('pass');
    expect(await run('tool_result_roundtrip', [weather, { response: text('It is 170 degrees.') }])).toMatchObject({ verdict: 'fail', layer: 'model' });
    const read = { response: call('file_read', '{"path":"greeting.txt"}') };
    expect((await run('file_read_fixture', [read, { response: text('The word is marmalade.') }])).verdict).toBe('pass');
    expect(await run('file_read_fixture', [{ response: call('file_read', '{"path":"../../package.json"}') }, { response: text('?') }])).toMatchObject({ verdict: 'fail', layer: 'model' });
  });

  it('call_id_pairing: duplicate or empty ids fail at the protocol layer', async () => {
    const two = (a: string, b: string): ChatResponse => ({
      text: '',
      toolCalls: [{ id: a, name: 'get_weather', argumentsText: '{"city":"Paris"}' }, { id: b, name: 'get_weather', argumentsText: '{"city":"Tokyo"}' }],
      finishReason: 'tool_calls',
    });
    expect((await run('call_id_pairing', [{ response: two('a', 'b') }, { response: text('ok') }])).verdict).toBe('pass');
    expect(await run('call_id_pairing', [{ response: two('a', 'a') }, { response: text('ok') }])).toMatchObject({ verdict: 'fail', layer: 'protocol', message: expect.stringMatching(/appears twice/) });
    expect(await run('call_id_pairing', [{ response: two('', 'b') }, { response: text('ok') }])).toMatchObject({ verdict: 'fail', layer: 'protocol', message: expect.stringMatching(/empty id/) });
  });

  it('call_id_pairing judges the ids the SERVER sent: a missing id fails [protocol]; ids the adapter synthesized (the protocol has none) make it unsupported', async () => {
    const calls = (toolCalls: ChatResponse['toolCalls']): ChatResponse => ({ text: '', toolCalls, finishReason: 'tool_calls' });
    const anonymous = calls([{ name: 'get_weather', argumentsText: '{"city":"Paris"}' }]);
    expect(await run('call_id_pairing', [{ response: anonymous }, { response: text('ok') }])).toMatchObject({ verdict: 'fail', layer: 'protocol', message: expect.stringMatching(/came without an id/) });
    const synthesized = calls([{ id: 'synthesized_0', idSource: 'synthesized', name: 'get_weather', argumentsText: '{"city":"Paris"}' }]);
    expect(await run('call_id_pairing', [{ response: synthesized }, { response: text('ok') }])).toMatchObject({ verdict: 'unsupported', message: expect.stringMatching(/sent no call ids/) });
    const paired = await run('call_id_pairing', [{ response: calls([{ id: 'srv_1', name: 'get_weather', argumentsText: '{"city":"Paris"}' }]) }, { response: text('ok') }]);
    expect(paired).toMatchObject({ verdict: 'pass', details: { callIds: ['srv_1'] } });
  });

  it('tests that send tool_choice "none" require tool_choice_none, so a protocol that cannot send it gates them unsupported', async () => {
    const sendsNone = ['tool_choice_none', 'no_arguments_tool', 'tool_result_roundtrip', 'parallel_tool_calls', 'multi_step_chain', 'call_id_pairing', 'file_read_fixture'];
    for (const id of sendsNone) expect(test(id).requires, id).toContain('tool_choice_none');
    const gated = await runDefinition(test('tool_choice_none'), await fakeTarget(createFakeProtocolClient([]), { tools: true, tool_choice: true, tool_choice_none: false }));
    expect(gated.verdict).toBe('unsupported');
  });

  it('no_leaked_template_tokens fails when markup reaches the text', async () => {
    const leak = text('<tool_call>{"name":"calculator","arguments":{"expression":"15*4"}}</tool_call>');
    expect((await run('no_leaked_template_tokens', [{ response: text('60') }, { response: text('cloudy') }, { response: call('get_weather', '{"city":"Tokyo"}') }])).verdict).toBe('pass');
    expect(await run('no_leaked_template_tokens', [{ response: leak }, { response: text('cloudy') }, { response: text('x') }])).toMatchObject({ verdict: 'fail', layer: 'protocol' });
  });

  it('tool_error_recovery passes when a response follows the error result, and no_arguments_tool accepts "" and {}', async () => {
    expect((await run('tool_error_recovery', [{ response: call('get_stock_price', '{"symbol":"ACME"}') }, { response: text('The service is down.') }])).verdict).toBe('pass');
    expect((await run('no_arguments_tool', [{ response: call('get_time', '') }, { response: text('12:30') }])).verdict).toBe('pass');
    expect(await run('no_arguments_tool', [{ response: call('get_time', '[]') }, { response: text('12:30') }])).toMatchObject({ verdict: 'fail', layer: 'parser' });
  });

  it('complex_schema: a schema violation is a parser failure naming the path', async () => {
    const args = { title: 'Quarterly review', attendees: [{ name: 'Ada', email: 'ada@example.com' }, { name: 'Alan', email: 'alan@example.com' }], priority: 'high', location: { city: 'Berlin', room: '4.01' } };
    expect((await run('complex_schema', [{ response: call('create_event', JSON.stringify(args)) }])).verdict).toBe('pass');
    const outcome = await run('complex_schema', [{ response: call('create_event', JSON.stringify({ ...args, priority: 'urgent' })) }]);
    expect(outcome).toMatchObject({ verdict: 'fail', layer: 'parser', message: expect.stringMatching(/\/priority must be equal to one of the allowed values/) });
  });
});

describe('tools suite helpers', () => {
  it('finds template markers and numbers', () => {
    expect(findTemplateMarkers('ok <|im_start|>assistant [TOOL_CALLS] <function=f>')).toEqual(['<|im_start|>', '[TOOL_CALLS]', '<function=']);
    expect(findTemplateMarkers('a < b and c > d, <toolcall>')).toEqual([]);
    expect(numbersIn('Tokyo: 73.4°F, -2 then 5')).toEqual(['73.4', '-2', '5']);
  });
});
