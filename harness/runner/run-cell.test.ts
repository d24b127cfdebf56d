import { describe, expect, it } from 'vitest';
import type { ChatRequest, ChatResponse } from '../contract/chat.ts';
import type { ProtocolClient } from '../contract/protocol-client.ts';
import { VerifyError } from '../contract/verify-error.ts';
import type { Cell } from '../matrix/cell.ts';
import { createTranscript } from '../protocols/shared/transcript.ts';
import { fakeTarget, fakeTargetPlan } from '../testing/fake-target.ts';
import type { Target, TestContext, VerifyTestDefinition } from '../suite/define.ts';
import { CheckFailure, protocolCheck } from '../verdicts/check-failure.ts';
import { decidedResult, runCell } from './run-cell.ts';

/** A client whose chat() answers from a script (not a real peer; nothing here is live-verified). */
type Step = ChatResponse | Error | 'hang';
function scriptedClient(steps: Step[]): ProtocolClient {
  return {
    protocol: 'openai-chat',
    transcript: createTranscript(),
    async chat(_request: ChatRequest, options) {
      const step = steps.shift();
      if (step === undefined) throw new Error('script ran out');
      if (step === 'hang') {
        // Honours the signal the way SDKs do: rejects with an abort error of its own.
        return new Promise<ChatResponse>((_, reject) => options?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      }
      if (step instanceof Error) throw step;
      return step;
    },
    stream: async function* () {},
    async listModels() {
      return [];
    },
    async health() {
      return { ok: true };
    },
    async close() {},
  };
}

const target = (steps: Step[]): Promise<Target> => fakeTarget(scriptedClient(steps));

const cell: Cell = {
  id: 'fake/fake-model/openai-chat/core.chat',
  suite: 'core',
  test: 'chat',
  provider: 'fake',
  model: 'fake-model',
  protocol: 'openai-chat',
  requires: ['tools'],
  tags: ['smoke'],
  assertion: 'protocol',
  gate: { action: 'run' },
  target: fakeTargetPlan(),
  timeoutMs: 2000,
};

const definition = (run: (context: TestContext) => Promise<void>): VerifyTestDefinition => ({ id: 'chat', description: '', requires: [], tags: [], assertion: 'protocol', run });
const answer: ChatResponse = { text: 'hello', toolCalls: [], finishReason: 'stop' };
const chatOnce = definition(async ({ target: t, signal }) => {
  const response = await t.client.chat({ model: t.model.id, messages: [{ role: 'user', content: 'hi' }] }, { signal });
  protocolCheck(response.finishReason === 'stop', `finish ${response.finishReason}`);
});

describe('runCell', () => {
  it('a body that returns is a pass with the cell fields copied', async () => {
    const result = await runCell(cell, 'run-1', chatOnce, await target([answer]));
    expect(result).toMatchObject({
      runId: 'run-1',
      suite: 'core',
      test: 'chat',
      provider: 'fake',
      model: 'fake-model',
      protocol: 'openai-chat',
      verdict: 'pass',
      assertion: 'protocol',
      tags: ['smoke'],
      details: undefined,
    });
    expect(result.layer).toBeUndefined();
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(Date.parse(result.startedAt))).toBe(false);
  });

  it('a CheckFailure is a fail in its layer', async () => {
    const result = await runCell(cell, 'r', chatOnce, await target([{ ...answer, finishReason: 'length' }]));
    expect(result).toMatchObject({ verdict: 'fail', layer: 'protocol', message: 'finish length' });
    const model = await runCell(cell, 'r', definition(async () => { throw new CheckFailure('model', 'wrong'); }), await target([]));
    expect(model).toMatchObject({ verdict: 'fail', layer: 'model', message: 'wrong' });
  });

  it('a VerifyError timeout from the client is an error; an auth error is a fail', async () => {
    const timeout = new VerifyError({ kind: 'timeout', layer: 'transport', message: 'openai-chat: timeout' });
    expect(await runCell(cell, 'r', chatOnce, await target([timeout]))).toMatchObject({ verdict: 'error', kind: 'timeout', layer: 'transport', message: 'openai-chat: timeout' });
    const auth = new VerifyError({ kind: 'auth', layer: 'protocol', message: 'bad key', status: 401 });
    expect(await runCell(cell, 'r', chatOnce, await target([auth]))).toMatchObject({ verdict: 'fail', kind: 'auth', layer: 'protocol' });
  });

  it('a plain Error is a harness error, with its stack in the details', async () => {
    const result = await runCell(cell, 'r', chatOnce, await target([]));
    expect(result).toMatchObject({ verdict: 'error', layer: 'harness', message: 'harness error: Error: script ran out' });
    expect(result.details?.stack).toMatch(/run-cell\.test\.ts/);
  });

  it('when the deadline passes the cell is an error timeout, and the signal was aborted', async () => {
    let seen: AbortSignal | undefined;
    const hanging = definition(async (context) => {
      seen = context.signal;
      await context.target.client.chat({ model: 'm', messages: [] }, { signal: context.signal });
    });
    const result = await runCell({ ...cell, timeoutMs: 80 }, 'r', hanging, await target(['hang']));
    expect(result).toMatchObject({ verdict: 'error', kind: 'timeout', layer: 'transport', message: 'test deadline of 80 ms passed' });
    expect(seen?.aborted).toBe(true);
    expect(result.durationMs).toBeGreaterThanOrEqual(70);
  });

  it('the deadline also ends a body that ignores the signal', async () => {
    const ignoring = definition(() => new Promise<void>(() => {}));
    expect(await runCell({ ...cell, timeoutMs: 50 }, 'r', ignoring, await target([]))).toMatchObject({ verdict: 'error', kind: 'timeout' });
  });

  it('record() lands in details', async () => {
    const recording = definition(async ({ record }) => {
      record('ttftMs', 12.5);
      record('tokens', { output: 3 });
      record('ttftMs', 13);
    });
    expect((await runCell(cell, 'r', recording, await target([]))).details).toEqual({ ttftMs: 13, tokens: { output: 3 } });
  });

  it('skip() and unsupported() end the test with that verdict and reason', async () => {
    expect(await runCell(cell, 'r', definition(async ({ skip }) => skip('no GPU')), await target([]))).toMatchObject({ verdict: 'skipped', message: 'no GPU', layer: undefined });
    expect(await runCell(cell, 'r', definition(async ({ unsupported }) => unsupported('server has no tools')), await target([]))).toMatchObject({
      verdict: 'unsupported',
      message: 'server has no tools',
    });
  });
});

describe('decidedResult', () => {
  it('carries requires only for unsupported, with zero duration and extras', () => {
    expect(decidedResult(cell, 'r', 'unsupported', 'model declares no tools')).toMatchObject({ verdict: 'unsupported', requires: ['tools'], durationMs: 0, message: 'model declares no tools' });
    expect(decidedResult(cell, 'r', 'skipped', 'no endpoint', { kind: 'network' })).toMatchObject({ verdict: 'skipped', requires: undefined, kind: 'network' });
  });
});
