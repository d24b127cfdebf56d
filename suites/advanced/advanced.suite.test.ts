import { describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../harness/contract/chat.ts';
import type { DeclaredCapabilities } from '../../harness/contract/capability.ts';
import type { EmbedResponse, ProtocolClient } from '../../harness/contract/protocol-client.ts';
import type { Usage } from '../../harness/contract/usage.ts';
import { VerifyError } from '../../harness/contract/verify-error.ts';
import { createFakeProtocolClient, type ScriptedTurn } from '../../harness/testing/fake-protocol-client.ts';
import { fakeTarget } from '../../harness/testing/fake-target.ts';
import { runDefinition } from '../../harness/testing/run-definition.ts';
import type { Target } from '../../harness/suite/define.ts';
import { advancedSuite } from './advanced.suite.ts';

const test = (id: string) => {
  const found = advancedSuite.tests.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no test ${id}`);
  return found;
};
const answer = (text: string, usage?: Usage, finish: ChatResponse['finishReason'] = 'stop'): ChatResponse => ({ text, toolCalls: [], finishReason: finish, rawFinishReason: finish, usage });

async function target(script: ScriptedTurn[], capabilities: DeclaredCapabilities, extra: Partial<ProtocolClient> = {}, tweak: Partial<Target> = {}): Promise<Target> {
  const client = { ...createFakeProtocolClient(script), ...extra };
  const built = await fakeTarget(client, capabilities);
  return { ...built, ...tweak };
}
const run = async (id: string, script: ScriptedTurn[], capabilities: DeclaredCapabilities = {}, extra: Partial<ProtocolClient> = {}, tweak: Partial<Target> = {}) =>
  runDefinition(test(id), await target(script, capabilities, extra, tweak));

const person = JSON.stringify({ name: 'Ada Lovelace', status: 'active', skills: ['mathematics'], address: { city: 'London', country: 'United Kingdom' } });

describe('advanced suite definitions (scripted fake client: not live-verified here)', () => {
  it('structured_output_schema: pass; fences protocol; unreadable JSON parser, or model when cut at max_tokens; schema violations protocol when enforcement is declared, else model', async () => {
    expect((await run('structured_output_schema', [{ response: answer(person) }], { structured_output: true })).verdict).toBe('pass');
    expect(await run('structured_output_schema', [{ response: answer('```json\n' + person + '\n```') }])).toMatchObject({ verdict: 'fail', layer: 'protocol' });
    expect(await run('structured_output_schema', [{ response: answer('{"name": "Ada",') }])).toMatchObject({ verdict: 'fail', layer: 'parser' });
    expect(await run('structured_output_schema', [{ response: answer('{"name": "Ada",', undefined, 'length') }])).toMatchObject({ verdict: 'fail', layer: 'model' });
    // Prose cut at max_tokens never began as JSON: the format was not honoured, not a long answer.
    expect(await run('structured_output_schema', [{ response: answer('Ada Lovelace was a mathematician who', undefined, 'length') }])).toMatchObject({ verdict: 'fail', layer: 'parser' });
    const wrong = JSON.stringify({ name: 'Ada', status: 'sleeping', skills: [], address: { city: 'London' } });
    expect(await run('structured_output_schema', [{ response: answer(wrong) }], { structured_output: true })).toMatchObject({ verdict: 'fail', layer: 'protocol' });
    expect(await run('structured_output_schema', [{ response: answer(wrong) }])).toMatchObject({ verdict: 'fail', layer: 'model' });
    const paris = JSON.stringify({ name: 'Ada Lovelace', status: 'active', skills: ['x'], address: { city: 'Paris', country: 'France' } });
    expect(await run('structured_output_schema', [{ response: answer(paris) }], { structured_output: true })).toMatchObject({ verdict: 'fail', layer: 'model' });
  });

  it('structured_output_schema sends the schema as the response format', async () => {
    const client = createFakeProtocolClient([{ response: answer(person) }]);
    await runDefinition(test('structured_output_schema'), await fakeTarget(client, {}));
    expect(client.requests[0]?.responseFormat).toMatchObject({ type: 'json_schema', name: 'person', schema: { required: ['name', 'status', 'skills', 'address'] } });
  });

  it('structured_output_json_mode: an object passes; an array is protocol when JSON mode is declared', async () => {
    expect((await run('structured_output_json_mode', [{ response: answer('{"colour":"yellow"}') }], { json_mode: true })).verdict).toBe('pass');
    expect(await run('structured_output_json_mode', [{ response: answer('["yellow"]') }], { json_mode: true })).toMatchObject({ verdict: 'fail', layer: 'protocol' });
    expect(await run('structured_output_json_mode', [{ response: answer('{"colour":"red"}') }], { json_mode: true })).toMatchObject({ verdict: 'fail', layer: 'model' });
  });

  it('embeddings: pass; a changed order is protocol; unrelated closer than similar is model; a 501 is unsupported', async () => {
    const cat = [1, 0, 0.1];
    const catAgain = [0.9, 0.1, 0.1];
    const finance = [0, 1, 0];
    const embedWith = (first: number[][], second: number[][]) => {
      const answers: EmbedResponse[] = [{ vectors: first }, { vectors: second }];
      return { embed: async () => answers.shift() ?? { vectors: [] } };
    };
    expect((await run('embeddings', [], {}, embedWith([cat, catAgain, finance], [finance, cat]))).verdict).toBe('pass');
    expect(await run('embeddings', [], {}, embedWith([cat, catAgain, finance], [cat, finance]))).toMatchObject({ verdict: 'fail', layer: 'protocol' });
    expect(await run('embeddings', [], {}, embedWith([cat, finance, catAgain], [catAgain, cat]))).toMatchObject({ verdict: 'fail', layer: 'model' });
    const refused = { embed: async () => Promise.reject(new VerifyError({ kind: 'server', layer: 'infra', status: 501, message: 'This server does not support embeddings' })) };
    expect((await run('embeddings', [], {}, refused)).verdict).toBe('unsupported');
    const dims = await target([], {}, embedWith([cat, catAgain, finance], [finance, cat]));
    expect(await runDefinition(test('embeddings'), { ...dims, model: { ...dims.model, embeddingDimensions: 4 } })).toMatchObject({ verdict: 'fail', layer: 'protocol' });
  });

  it('token_counting: equal counts pass, a difference beyond the declared tolerance is protocol', async () => {
    const counting = (input: number) => ({ countTokens: async () => ({ input }) });
    expect((await run('token_counting', [{ response: answer('ok', { input: 20, output: 1 }) }], {}, counting(20))).verdict).toBe('pass');
    expect(await run('token_counting', [{ response: answer('ok', { input: 20, output: 1 }) }], {}, counting(21))).toMatchObject({ verdict: 'fail', layer: 'protocol' });
    const tolerant = await target([{ response: answer('ok', { input: 20, output: 1 }) }], {}, counting(21));
    expect((await runDefinition(test('token_counting'), { ...tolerant, model: { ...tolerant.model, tokenCountTolerance: 0.05 } })).verdict).toBe('pass');
  });

  it('context_limit: a context_length refusal passes; another error kind or a silent truncation is protocol', async () => {
    const window = 1000;
    const calibrate: ScriptedTurn[] = [{ response: answer('d', { input: 20, output: 1 }) }, { response: answer('d', { input: 220, output: 1 }) }, { response: answer('done', { input: 750, output: 1 }) }];
    const withWindow = async (last: ScriptedTurn | Error) => {
      const client = createFakeProtocolClient(last instanceof Error ? calibrate : [...calibrate, last]);
      const chat = client.chat.bind(client);
      let calls = 0;
      const wrapped = { ...client, chat: async (...args: Parameters<typeof chat>) => (++calls === 4 && last instanceof Error ? Promise.reject(last) : chat(...args)) };
      const built = await fakeTarget(wrapped, {});
      return runDefinition(test('context_limit'), { ...built, model: { ...built.model, contextWindow: window } });
    };
    expect((await withWindow(new VerifyError({ kind: 'context_length', layer: 'protocol', status: 400, message: 'exceeds the available context size' }))).verdict).toBe('pass');
    expect(await withWindow(new VerifyError({ kind: 'server', layer: 'infra', status: 500, message: 'boom' }))).toMatchObject({ verdict: 'fail', layer: 'protocol' });
    expect(await withWindow({ response: answer('done', { input: 990, output: 1 }) })).toMatchObject({ verdict: 'fail', layer: 'protocol', message: expect.stringContaining('silently truncated') });
    // No answer at all is not the endpoint's treatment of an overlong prompt: the error keeps its own layer.
    const timedOut = await withWindow(new VerifyError({ kind: 'timeout', layer: 'transport', message: 'no answer within 120000 ms' }));
    expect(timedOut.verdict).not.toBe('pass');
    expect(timedOut.layer).toBe('transport');
    expect((await run('context_limit', [])).verdict).toBe('unsupported');
  });

  it('prompt_caching: cached tokens on the second answer pass; a missing field or zero is protocol', async () => {
    const twice = (second: Usage): ScriptedTurn[] => [{ response: answer('books', { input: 1800, output: 2 }) }, { response: answer('ok', second) }];
    expect((await run('prompt_caching', twice({ input: 1800, output: 2, cachedInput: 1700 }))).verdict).toBe('pass');
    expect(await run('prompt_caching', twice({ input: 1800, output: 2 }))).toMatchObject({ verdict: 'fail', layer: 'protocol' });
    expect(await run('prompt_caching', twice({ input: 1800, output: 2, cachedInput: 0 }))).toMatchObject({ verdict: 'fail', layer: 'protocol' });
  });

  it('concurrent_requests: sends the declared number at once; different input counts are protocol', async () => {
    const turns = (inputs: number[]): ScriptedTurn[] => inputs.map((input) => ({ response: answer('Blue', { input, output: 1 }), delayMs: 5 }));
    const client = createFakeProtocolClient(turns([9, 9, 9]));
    const built = await fakeTarget(client, {});
    expect((await runDefinition(test('concurrent_requests'), { ...built, parallelRequests: 3 })).verdict).toBe('pass');
    expect(client.requests).toHaveLength(3);
    expect(await run('concurrent_requests', turns([9, 10]), {}, {}, { parallelRequests: 2 })).toMatchObject({ verdict: 'fail', layer: 'protocol' });
  });

  it('reasoning: reasoning apart passes; think markup in the text is protocol; no reasoning is model when declared, unsupported when not', async () => {
    const reasoned: ChatResponse = { ...answer('2 h 35 min', { input: 30, output: 200, reasoning: 180 }), reasoning: '16:45 minus 14:10 is 2:35.' };
    expect((await run('reasoning', [{ response: reasoned }], { reasoning: true })).verdict).toBe('pass');
    expect(await run('reasoning', [{ response: answer('<think>hm</think>2 h 35 min', { input: 30, output: 20 }) }], { reasoning: true })).toMatchObject({ verdict: 'fail', layer: 'protocol' });
    expect(await run('reasoning', [{ response: answer('2 h 35 min', { input: 30, output: 9 }) }], { reasoning: true })).toMatchObject({ verdict: 'fail', layer: 'model' });
    expect((await run('reasoning', [{ response: answer('2 h 35 min', { input: 30, output: 9 }) }])).verdict).toBe('unsupported');
    expect(await run('reasoning', [{ response: { ...reasoned, usage: { input: 30, output: 2000 } } }], { reasoning: true })).toMatchObject({ verdict: 'fail', layer: 'protocol' });
  });

  it('vision_input / pdf_input: growth and the answer pass; no growth is protocol (silent drop); a wrong answer is model', async () => {
    const pair = (without: number, withFile: number, text: string): ScriptedTurn[] => [{ response: answer('I cannot see it', { input: without, output: 4 }) }, { response: answer(text, { input: withFile, output: 2 }) }];
    expect((await run('vision_input', pair(20, 120, '481'))).verdict).toBe('pass');
    expect(await run('vision_input', pair(20, 21, '481'))).toMatchObject({ verdict: 'fail', layer: 'protocol' });
    expect(await run('vision_input', pair(20, 120, '42'))).toMatchObject({ verdict: 'fail', layer: 'model' });
    expect((await run('pdf_input', pair(20, 60, 'PELICAN-7'))).verdict).toBe('pass');
    const client = createFakeProtocolClient(pair(20, 60, 'PELICAN-7'));
    await runDefinition(test('pdf_input'), await fakeTarget(client, {}));
    const sent = client.requests[1]?.messages[0];
    expect(sent?.role === 'user' ? sent.attachments?.[0] : undefined).toMatchObject({ kind: 'pdf', mediaType: 'application/pdf', filename: 'access-code.pdf' });
  });
});
