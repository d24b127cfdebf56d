import { describe, expect, it } from 'vitest';
import type { ChatRequest, ChatResponse } from '../contract/chat.ts';
import { VerifyError } from '../contract/verify-error.ts';
import { createFakeProtocolClient, type ScriptedTurn } from '../testing/fake-protocol-client.ts';
import { runAgentLoop } from './agent-loop.ts';
import type { RegisteredTool } from './types.ts';

const request: ChatRequest = { model: 'm', messages: [{ role: 'user', content: 'poll the job' }] };
const call = (id: string, name = 'poll'): ChatResponse => ({ text: '', toolCalls: [{ id, name, argumentsText: '{}' }], finishReason: 'tool_calls' });
const answer = (text: string): ChatResponse => ({ text, toolCalls: [], finishReason: 'stop' });
const poll: RegisteredTool = { spec: { name: 'poll', description: 'polls', parameters: { type: 'object', properties: {} } }, execute: () => 'not done: call poll again' };
let slowToolAborted = false;
const slow: RegisteredTool = {
  spec: { name: 'slow', description: 'never finishes by itself', parameters: { type: 'object', properties: {} } },
  execute: (_args, run) =>
    new Promise<string>((_, reject) => {
      run?.signal.addEventListener('abort', () => {
        slowToolAborted = true;
        reject(new Error('aborted'));
      }, { once: true });
    }),
};
const agent = (script: ScriptedTurn[], extra: { maxCycles?: number; deadlineMs?: number; signal?: AbortSignal } = {}) =>
  runAgentLoop({ client: createFakeProtocolClient(script), request, tools: [poll, slow], maxCycles: extra.maxCycles ?? 3, deadlineMs: extra.deadlineMs ?? 5000, signal: extra.signal });

describe('runAgentLoop (fake ProtocolClient replaying scripted responses: not live-verified here)', () => {
  it('completed: the model answers without calls', async () => {
    const result = await agent([{ response: call('a') }, { response: answer('done') }]);
    expect(result.termination).toBe('completed');
    expect(result.cycles).toBe(2);
    expect(result.result?.finalText).toBe('done');
  });

  it('max_cycles: a tool that always asks to be called again stops at the limit, without throwing', async () => {
    const result = await agent([{ response: call('a') }, { response: call('b') }, { response: call('c') }, { response: call('d') }], { maxCycles: 3 });
    expect(result.termination).toBe('max_cycles');
    expect(result.cycles).toBe(3);
    expect(result.rounds.map((round) => round.calls[0]?.result.content)).toEqual(['not done: call poll again', 'not done: call poll again', 'not done: call poll again']);
  });

  it('timeout: a slow tool is aborted at the deadline and the rounds so far are kept', async () => {
    slowToolAborted = false;
    const started = performance.now();
    const result = await agent([{ response: call('a', 'slow') }], { deadlineMs: 200 });
    expect(result.termination).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.inFlight).toEqual({ kind: 'tool', name: 'slow', aborted: true });
    expect(slowToolAborted).toBe(true);
  });

  it('timeout: a request still in flight at the deadline is aborted', async () => {
    const result = await agent([{ response: call('a'), delayMs: 0 }, { response: answer('late'), delayMs: 5000 }], { deadlineMs: 300 });
    expect(result.termination).toBe('timeout');
    expect(result.cycles).toBe(1);
    expect(result.inFlight).toEqual({ kind: 'request', aborted: true });
  });

  it('error: a failing request is returned as the termination error, not thrown', async () => {
    const failure = new VerifyError({ kind: 'server', layer: 'infra', status: 500, message: 'HTTP 500' });
    const client = createFakeProtocolClient([{ response: call('a') }]);
    const failing = { ...client, chat: async (...args: Parameters<typeof client.chat>) => (client.requests.length === 0 ? client.chat(...args) : Promise.reject(failure)) };
    const result = await runAgentLoop({ client: failing, request, tools: [poll], maxCycles: 3, deadlineMs: 5000 });
    expect(result.termination).toBe('error');
    expect(result.error).toBe(failure);
    expect(result.cycles).toBe(1);
  });

  it("rethrows when the caller's own signal aborts (the test's deadline is not the loop's)", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('test deadline')), 100);
    await expect(agent([{ response: call('a', 'slow') }], { signal: controller.signal })).rejects.toBeDefined();
  });
});
