import { describe, expect, it } from 'vitest';
import type { ChatRequest, ChatResponse } from '../contract/chat.ts';
import type { StreamEvent } from '../contract/stream.ts';
import { VerifyError } from '../contract/verify-error.ts';
import { createFakeProtocolClient, type ScriptedTurn } from '../testing/fake-protocol-client.ts';
import { runToolLoop } from './run-tool-loop.ts';
import { ToolError } from './tool-error.ts';
import type { RegisteredTool } from './types.ts';

const add: RegisteredTool = {
  spec: {
    name: 'add',
    description: 'adds two numbers',
    parameters: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'], additionalProperties: false },
  },
  execute: (args) => {
    const { a, b } = args as { a: number; b: number };
    return String(a + b);
  },
};
const fails: RegisteredTool = {
  spec: { name: 'fails', description: 'always fails', parameters: { type: 'object', properties: {} } },
  execute: () => {
    throw new ToolError('service unavailable');
  },
};
const crashes: RegisteredTool = {
  spec: { name: 'crashes', description: 'has a bug', parameters: { type: 'object', properties: {} } },
  execute: () => {
    throw new TypeError('undefined is not a function');
  },
};

const request: ChatRequest = { model: 'm', messages: [{ role: 'user', content: 'add 2 and 3' }], temperature: 0, seed: 42, toolChoice: 'required' };
const calls = (...list: Array<[string, string, string]>): ChatResponse => ({
  text: '',
  toolCalls: list.map(([id, name, argumentsText]) => ({ id, name, argumentsText })),
  finishReason: 'tool_calls',
});
const answer = (text: string): ChatResponse => ({ text, toolCalls: [], finishReason: 'stop' });
const loop = (script: ScriptedTurn[], extra: Partial<Parameters<typeof runToolLoop>[0]> = {}) => {
  const client = createFakeProtocolClient(script);
  return { client, run: runToolLoop({ client, request, tools: [add, fails, crashes], maxRounds: 4, deadlineMs: 5000, ...extra }) };
};

describe('runToolLoop (fake ProtocolClient replaying scripted responses: not live-verified here)', () => {
  it('executes a valid call, answers it with its id and name, and stops at the final answer', async () => {
    const { client, run } = loop([{ response: calls(['c1', 'add', '{"a":2,"b":3}']) }, { response: answer('5') }]);
    const result = await run;
    expect(result.stoppedBecause).toBe('final_answer');
    expect(result.finalText).toBe('5');
    expect(result.rounds).toHaveLength(2);
    expect(result.rounds[0]?.calls[0]).toMatchObject({ validation: { status: 'ok', errors: [] }, executed: true, result: { content: '5', isError: false } });
    const second = client.requests[1];
    expect(second?.messages.at(-2)).toEqual({ role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'add', argumentsText: '{"a":2,"b":3}' }] });
    expect(second?.messages.at(-1)).toEqual({ role: 'tool', toolCallId: 'c1', name: 'add', content: '5', isError: false });
    expect(client.requests[0]?.tools?.map((tool) => tool.name)).toEqual(['add', 'fails', 'crashes']);
    expect(result.messages.at(-1)).toEqual({ role: 'assistant', content: '5' });
  });

  it('sends the first tool choice in round 1 only, unless toolChoiceForRound says otherwise', async () => {
    const first = loop([{ response: calls(['c1', 'add', '{"a":1,"b":1}']) }, { response: answer('2') }]);
    await first.run;
    expect(first.client.requests.map((r) => r.toolChoice)).toEqual(['required', undefined]);
    const second = loop([{ response: calls(['c1', 'add', '{"a":1,"b":1}']) }, { response: answer('2') }], {
      toolChoiceForRound: (round) => (round === 1 ? { name: 'add' } : 'none'),
    });
    const result = await second.run;
    expect(second.client.requests.map((r) => r.toolChoice)).toEqual([{ name: 'add' }, 'none']);
    expect(result.rounds.map((r) => r.toolChoice)).toEqual([{ name: 'add' }, 'none']);
  });

  it('records invalid JSON and answers it as an error result without executing', async () => {
    const { client, run } = loop([{ response: calls(['c1', 'add', '{"a":2,"b":']) }, { response: answer('sorry') }]);
    const result = await run;
    const record = result.rounds[0]?.calls[0];
    expect(record?.validation.status).toBe('invalid_json');
    expect(record?.executed).toBe(false);
    expect(record?.result.isError).toBe(true);
    expect(client.requests[1]?.messages.at(-1)).toMatchObject({ role: 'tool', toolCallId: 'c1', isError: true });
  });

  it('records a schema violation with ajv paths, without executing', async () => {
    const { run } = loop([{ response: calls(['c1', 'add', '{"a":"2","c":1}']) }, { response: answer('x') }]);
    const record = (await run).rounds[0]?.calls[0];
    expect(record?.validation.status).toBe('schema_violation');
    expect(record?.validation.errors.join('\n')).toMatch(/\/a must be number/);
    expect(record?.validation.errors.join('\n')).toMatch(/must have required property 'b'/);
    expect(record?.arguments).toEqual({ a: '2', c: 1 });
    expect(record?.executed).toBe(false);
  });

  it('records an unknown tool name and tells the model which tools exist', async () => {
    const { client, run } = loop([{ response: calls(['c1', 'multiply', '{}']) }, { response: answer('x') }]);
    const record = (await run).rounds[0]?.calls[0];
    expect(record?.validation.status).toBe('unknown_tool');
    expect(record?.result.content).toMatch(/available tools: add, fails, crashes/);
    expect(client.requests[1]?.messages.at(-1)).toMatchObject({ role: 'tool', toolCallId: 'c1', name: 'multiply', isError: true });
  });

  it('turns a ToolError and a crashing implementation into error results', async () => {
    const { run } = loop([{ response: calls(['c1', 'fails', '{}'], ['c2', 'crashes', '']) }, { response: answer('x') }]);
    const [failed, crashed] = (await run).rounds[0]?.calls ?? [];
    expect(failed?.result).toEqual({ content: 'Error: service unavailable', isError: true });
    expect(crashed?.result).toEqual({ content: 'Error (tool crashed): undefined is not a function', isError: true });
    expect(crashed?.validation.status).toBe('ok');
  });

  it('answers parallel calls in order, each with its own id', async () => {
    const { client, run } = loop([{ response: calls(['x', 'add', '{"a":1,"b":2}'], ['y', 'add', '{"a":3,"b":4}']) }, { response: answer('3 and 7') }]);
    await run;
    const tail = client.requests[1]?.messages.slice(-2);
    expect(tail).toEqual([
      { role: 'tool', toolCallId: 'x', name: 'add', content: '3', isError: false },
      { role: 'tool', toolCallId: 'y', name: 'add', content: '7', isError: false },
    ]);
  });

  it('stops at maxRounds when the model keeps calling', async () => {
    const again = { response: calls(['c', 'add', '{"a":1,"b":1}']) };
    const { client, run } = loop([again, again, again], { maxRounds: 2 });
    const result = await run;
    expect(result.stoppedBecause).toBe('max_rounds');
    expect(result.rounds).toHaveLength(2);
    expect(client.requests).toHaveLength(2);
  });

  it('throws VerifyError timeout/transport when the deadline passes', async () => {
    const { run } = loop([{ response: answer('late'), delayMs: 2000 }], { deadlineMs: 50 });
    const error = await run.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(VerifyError);
    expect(error).toMatchObject({ kind: 'timeout', layer: 'transport' });
  });

  it('passes an outer abort through as aborted, not timeout', async () => {
    const controller = new AbortController();
    const { run } = loop([{ response: answer('late'), delayMs: 2000 }], { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(run).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('emits round_start / round_end around each round', async () => {
    const seen: StreamEvent['type'][] = [];
    const { run } = loop([{ response: calls(['c1', 'add', '{"a":2,"b":3}']) }, { response: answer('5') }], { onEvent: (e) => seen.push(e.type) });
    const result = await run;
    expect(seen).toEqual(['round_start', 'round_end', 'round_start', 'round_end']);
    expect(result.events.map((e) => e.type)).toEqual(seen);
  });
});

describe('runToolLoop in stream mode (scripted events: not live-verified here)', () => {
  it('assembles split argument deltas of interleaved calls by their stream index', async () => {
    const events: ScriptedTurn['events'] = [
      { type: 'start', id: 'r1' },
      { type: 'tool_call_start', index: 0, id: 'b', name: 'add' },
      { type: 'tool_call_start', index: 1, id: 'a', name: 'add' },
      { type: 'tool_call_delta', index: 1, id: 'a', argumentsDelta: '{"a":' },
      { type: 'tool_call_delta', index: 0, id: 'b', argumentsDelta: '{"a":10,' },
      { type: 'tool_call_delta', index: 1, id: 'a', argumentsDelta: '1,"b"' },
      { type: 'tool_call_delta', index: 0, id: 'b', argumentsDelta: '"b":20}' },
      { type: 'tool_call_delta', index: 1, id: 'a', argumentsDelta: ':2}' },
      { type: 'tool_call_end', index: 1, id: 'a', name: 'add', argumentsText: '{"a":1,"b":2}' },
      { type: 'tool_call_end', index: 0, id: 'b', name: 'add', argumentsText: '{"a":10,"b":20}' },
      { type: 'usage', usage: { input: 5, output: 9 } },
      { type: 'done', finishReason: 'tool_calls', rawFinishReason: 'tool_calls' },
    ];
    const final: ScriptedTurn['events'] = [{ type: 'start' }, { type: 'text_delta', text: '3 and ' }, { type: 'text_delta', text: '30' }, { type: 'done', finishReason: 'stop' }];
    const seen: string[] = [];
    const { client, run } = loop([{ events }, { events: final }], { stream: true, onEvent: (e) => seen.push(e.type) });
    const result = await run;
    expect(result.rounds[0]?.response.toolCalls).toEqual([
      { id: 'a', name: 'add', argumentsText: '{"a":1,"b":2}' },
      { id: 'b', name: 'add', argumentsText: '{"a":10,"b":20}' },
    ]);
    expect(result.rounds[0]?.response).toMatchObject({ id: 'r1', finishReason: 'tool_calls', usage: { input: 5, output: 9 } });
    expect(result.rounds[0]?.calls.map((c) => c.result.content)).toEqual(['3', '30']);
    expect(client.requests[1]?.messages.slice(-2).map((m) => (m.role === 'tool' ? m.toolCallId : m.role))).toEqual(['a', 'b']);
    expect(result.finalText).toBe('3 and 30');
    expect(result.rounds[0]?.ttftMs).toBeGreaterThanOrEqual(0);
    expect(seen[0]).toBe('round_start');
    expect(seen.at(-1)).toBe('round_end');
    expect(seen.filter((t) => t === 'round_start')).toHaveLength(2);
    expect(result.events.length).toBe(seen.length);
  });

  it('keeps a call whose end never came, assembled from its deltas (and judges its JSON)', async () => {
    const events: ScriptedTurn['events'] = [
      { type: 'start' },
      { type: 'tool_call_start', index: 0, id: 'p', name: 'add' },
      { type: 'tool_call_delta', index: 0, id: 'p', argumentsDelta: '{"a":1' },
      { type: 'done', finishReason: 'tool_calls' },
    ];
    const { run } = loop([{ events }, { events: [{ type: 'start' }, { type: 'done', finishReason: 'stop' }] }], { stream: true });
    const record = (await run).rounds[0]?.calls[0];
    expect(record?.call).toEqual({ id: 'p', name: 'add', argumentsText: '{"a":1' });
    expect(record?.validation.status).toBe('invalid_json');
  });

  it('throws the VerifyError of an error event, and the adapter\'s protocol error when the terminal signal never comes', async () => {
    const error = new VerifyError({ kind: 'server', layer: 'infra', message: 'boom' });
    await expect(loop([{ events: [{ type: 'start' }, { type: 'error', error }] }], { stream: true }).run).rejects.toBe(error);
    await expect(loop([{ events: [{ type: 'start' }, { type: 'text_delta', text: 'hi' }] }], { stream: true }).run).rejects.toMatchObject({
      kind: 'incomplete_stream',
      layer: 'protocol',
      message: expect.stringMatching(/ended without a chunk with a finish_reason/),
    });
  });

  it('answers a call the server sent without an id without inventing one (the adapter then reports the missing id)', async () => {
    const events: ScriptedTurn['events'] = [
      { type: 'start' },
      { type: 'tool_call_start', index: 0, name: 'add' },
      { type: 'tool_call_end', index: 0, name: 'add', argumentsText: '{"a":1,"b":2}' },
      { type: 'done', finishReason: 'tool_calls' },
    ];
    const { client, run } = loop([{ events }, { events: [{ type: 'start' }, { type: 'done', finishReason: 'stop' }] }], { stream: true });
    const result = await run;
    expect(result.rounds[0]?.response.toolCalls).toEqual([{ name: 'add', argumentsText: '{"a":1,"b":2}' }]);
    const answer = client.requests[1]?.messages.at(-1);
    expect(answer).toMatchObject({ role: 'tool', name: 'add', content: '3' });
    expect(answer && 'toolCallId' in answer).toBe(false);
  });

  it('times out a stream that stalls', async () => {
    const { run } = loop([{ events: [{ type: 'start' }], delayMs: 2000 }], { stream: true, deadlineMs: 50 });
    await expect(run).rejects.toMatchObject({ kind: 'timeout', layer: 'transport' });
  });
});
