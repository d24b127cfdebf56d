import { describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../harness/contract/chat.ts';
import { createFakeProtocolClient, type ScriptedEvent, type ScriptedTurn } from '../../harness/testing/fake-protocol-client.ts';
import { fakeTarget } from '../../harness/testing/fake-target.ts';
import { runDefinition } from '../../harness/testing/run-definition.ts';
import { countBursts } from '../../harness/suite/timing.ts';
import { streamingSuite } from './streaming.suite.ts';

const capabilities = { streaming: true, streaming_tools: true, stream_usage: true, seed: true, tools: true, tool_choice: true };
const test = (id: string) => {
  const found = streamingSuite.tests.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no test ${id}`);
  return found;
};
const run = async (id: string, script: ScriptedTurn[]) => runDefinition(test(id), await fakeTarget(createFakeProtocolClient(script), capabilities));

const textEvents = (text: string, extra: ScriptedEvent[] = []): ScriptedEvent[] => [
  { type: 'start' },
  ...text.split(' ').map((word, i): ScriptedEvent => ({ type: 'text_delta', text: i === 0 ? word : ` ${word}` })),
  { type: 'usage', usage: { input: 10, output: text.split(' ').length } },
  ...extra,
  { type: 'done', finishReason: 'stop', rawFinishReason: 'stop' },
];
const answer = (text: string): ChatResponse => ({ text, toolCalls: [], finishReason: 'stop', rawFinishReason: 'stop' });
const weatherCall = (argumentsText: string, id = 'call_1'): ChatResponse => ({
  text: '',
  toolCalls: [{ id, name: 'get_weather', argumentsText }],
  finishReason: 'tool_calls',
});
const toolEvents = (parts: string[], id = 'call_1'): ScriptedEvent[] => [
  { type: 'start' },
  { type: 'tool_call_start', index: 0, id, name: 'get_weather' },
  ...parts.map((part): ScriptedEvent => ({ type: 'tool_call_delta', index: 0, id, argumentsDelta: part })),
  { type: 'tool_call_end', index: 0, id, name: 'get_weather', argumentsText: parts.join('') },
  { type: 'done', finishReason: 'tool_calls' },
];

describe('streaming suite definitions (scripted fake client: not live-verified here)', () => {
  it('basic_streaming: pass; protocol failure without the terminal signal; model failure on an empty answer after a clean finish', async () => {
    expect((await run('basic_streaming', [{ events: textEvents('Hello there') }])).verdict).toBe('pass');
    expect(await run('basic_streaming', [{ events: textEvents('Hello').slice(0, -1) }])).toMatchObject({ verdict: 'fail', layer: 'protocol', kind: 'incomplete_stream' });
    const empty: ScriptedEvent[] = [{ type: 'start' }, { type: 'done', finishReason: 'stop' }];
    expect(await run('basic_streaming', [{ events: empty }])).toMatchObject({ verdict: 'fail', layer: 'model' });
    const unclean: ScriptedEvent[] = [{ type: 'start' }, { type: 'done', finishReason: 'error', rawFinishReason: 'weird' }];
    expect(await run('basic_streaming', [{ events: unclean }])).toMatchObject({ verdict: 'fail', layer: 'protocol', message: expect.stringMatching(/did not finish cleanly/) });
  });

  it('every streaming test checks the raw terminal signal: done without a finish_reason chunk on the wire fails [protocol]', async () => {
    const rawWithoutFinish = [{ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }] }];
    for (const id of ['basic_streaming', 'usage_in_stream', 'time_to_first_token']) {
      expect(await run(id, [{ events: textEvents('Hi'), raw: rawWithoutFinish }]), id).toMatchObject({
        verdict: 'fail',
        layer: 'protocol',
        message: expect.stringMatching(/ended without a chunk with a finish_reason in its raw events/),
      });
    }
  });

  it('stream_matches_non_stream: pass, fail when only the stream differs, unsupported when nothing is reproducible', async () => {
    expect((await run('stream_matches_non_stream', [{ response: answer('red, blue') }, { events: textEvents('red, blue') }])).verdict).toBe('pass');
    const streamDiffers = [{ response: answer('red, blue') }, { events: textEvents('red, green') }, { response: answer('red, blue') }];
    expect(await run('stream_matches_non_stream', streamDiffers)).toMatchObject({ verdict: 'fail', layer: 'protocol', message: expect.stringMatching(/first difference at character 5/) });
    const noisy = [{ response: answer('red, blue') }, { events: textEvents('red, green') }, { response: answer('red, yellow') }];
    expect((await run('stream_matches_non_stream', noisy)).verdict).toBe('unsupported');
  });

  it('usage_in_stream: fails without a usage event, with zero output, or without input tokens', async () => {
    expect((await run('usage_in_stream', [{ events: textEvents('Hi') }])).verdict).toBe('pass');
    const noUsage = textEvents('Hi').filter((event) => event.type !== 'usage');
    expect(await run('usage_in_stream', [{ events: noUsage }])).toMatchObject({ verdict: 'fail', layer: 'protocol' });
    const zero = textEvents('Hi').map((event): ScriptedEvent => (event.type === 'usage' ? { type: 'usage', usage: { input: 3, output: 0 } } : event));
    expect(await run('usage_in_stream', [{ events: zero }])).toMatchObject({ verdict: 'fail', layer: 'protocol' });
    const noInput = textEvents('Hi').map((event): ScriptedEvent => (event.type === 'usage' ? { type: 'usage', usage: { output: 1 } } : event));
    expect(await run('usage_in_stream', [{ events: noInput }])).toMatchObject({ verdict: 'fail', layer: 'protocol', message: 'usage input is undefined, expected > 0' });
  });

  it('time_to_first_token: records ttft; a buffered stream (one burst) fails', async () => {
    const words = '1, 2, 3, 4, 5, 6, 7, 8, 9, 10';
    const paced = await run('time_to_first_token', [{ events: textEvents(words), eventDelayMs: 3 }]);
    expect(paced.verdict).toBe('pass');
    expect(paced.details.ttftMs).toEqual(expect.any(Number));
    expect(await run('time_to_first_token', [{ events: textEvents(words) }])).toMatchObject({ verdict: 'fail', layer: 'protocol', message: expect.stringMatching(/buffered/) });
  });

  it('event_order: checks raw events per protocol and normalized framing', async () => {
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] });
    const raw = [chunk({ role: 'assistant', content: 'Hi' }), chunk({}, 'stop'), { id: 'c', object: 'chat.completion.chunk', choices: [], usage: { completion_tokens: 1 } }];
    const tool = [chunk({ tool_calls: [{ index: 0, id: 'call_1', function: { name: 'get_weather', arguments: '{}' } }] }), chunk({}, 'tool_calls'), raw[2]];
    expect((await run('event_order', [{ events: textEvents('Hi'), raw }, { events: toolEvents(['{"city":"Paris"}']), raw: tool }])).verdict).toBe('pass');
    const noUsage = raw.slice(0, 2);
    expect(await run('event_order', [{ events: textEvents('Hi'), raw: noUsage }, { events: toolEvents(['{}']), raw: tool }])).toMatchObject({
      verdict: 'fail',
      layer: 'protocol',
      message: expect.stringMatching(/text raw: usage was requested/),
    });
    expect(await run('event_order', [{ events: textEvents('Hi'), raw: [] }])).toMatchObject({ verdict: 'fail', message: expect.stringMatching(/\(0 recorded\)/) });
  });

  it('streaming_with_tools: split deltas pass; mismatched assembly, invalid JSON, a missing id and reproducible stream/non-stream drift fail; unreproducible drift is unsupported, never a pass', async () => {
    const parts = ['{"ci', 'ty":"Pa', 'ris"}'];
    expect((await run('streaming_with_tools', [{ events: toolEvents(parts) }, { response: weatherCall('{"city":"Paris"}', 'other_id') }])).verdict).toBe('pass');
    const broken = toolEvents(parts).map((event): ScriptedEvent => (event.type === 'tool_call_end' ? { ...event, argumentsText: '{"city":"Rome"}' } : event));
    expect(await run('streaming_with_tools', [{ events: broken }])).toMatchObject({ verdict: 'fail', layer: 'protocol', message: expect.stringMatching(/deltas concatenate/) });
    expect(await run('streaming_with_tools', [{ events: toolEvents(['{"city":']) }])).toMatchObject({ verdict: 'fail', layer: 'parser' });
    const drift = [{ events: toolEvents(parts) }, { response: weatherCall('{"city":"Tokyo"}') }, { response: weatherCall('{"city":"Tokyo"}') }];
    expect(await run('streaming_with_tools', drift)).toMatchObject({ verdict: 'fail', layer: 'protocol', message: expect.stringMatching(/differ from the \(reproducible\) non-streamed/) });
    const noise = [{ events: toolEvents(parts) }, { response: weatherCall('{"city":"Tokyo"}') }, { response: weatherCall('{"city":"Rome"}') }];
    expect(await run('streaming_with_tools', noise)).toMatchObject({ verdict: 'unsupported', message: expect.stringMatching(/not reproducible/) });
    const anonymous = toolEvents(parts).map((event): ScriptedEvent => (event.type.startsWith('tool_call_') ? (({ id: _id, ...rest }) => rest)(event as ScriptedEvent & { id?: string }) as ScriptedEvent : event));
    expect(await run('streaming_with_tools', [{ events: anonymous }])).toMatchObject({ verdict: 'fail', layer: 'protocol', message: expect.stringMatching(/without an id/) });
  });

  it('stream_abort: an abort-aware stream ends quickly; one that ignores the abort fails', async () => {
    const long = textEvents(Array.from({ length: 400 }, (_, i) => String(i)).join(' '));
    const honoured = await run('stream_abort', [{ events: long, eventDelayMs: 5 }]);
    expect(honoured).toMatchObject({ verdict: 'pass', details: { abortOutcome: 'aborted' } });
    const ignored = await run('stream_abort', [{ events: long, eventDelayMs: 10, ignoreAbort: true }]);
    expect(ignored).toMatchObject({ verdict: 'fail', layer: 'protocol', message: expect.stringMatching(/did not end within 2000 ms/) });
  }, 10_000);

  it('countBursts groups arrivals closer than 1 ms', () => {
    expect(countBursts([0, 0.2, 0.5, 5, 5.1, 9])).toBe(3);
    expect(countBursts([])).toBe(0);
  });
});
