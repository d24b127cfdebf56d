import type { ChatRequest, ChatResponse } from '../../harness/contract/chat.ts';
import { VerifyError } from '../../harness/contract/verify-error.ts';
import { checkAnswerText, checkFinishReason } from '../../harness/suite/answer-checks.ts';
import { baseRequest } from '../../harness/suite/request.ts';
import { defineSuite, type TestContext } from '../../harness/suite/define.ts';
import { infraCheck, modelCheck, protocolCheck } from '../../harness/suite/verdict-checks.ts';

function request(context: TestContext, fields: Omit<ChatRequest, 'model'>): ChatRequest {
  return baseRequest(context.target, fields);
}

/** One chat call of the target's client with the test's deadline. */
function chatOnce(context: TestContext, fields: Omit<ChatRequest, 'model'>): Promise<ChatResponse> {
  return context.target.client.chat(request(context, fields), { signal: context.signal });
}

/**
 * Runs `call` expecting the endpoint to refuse it: returns the normalized error. A request the
 * endpoint accepts is its protocol failure; anything other than a VerifyError is our adapter's
 * failure to normalize (layer harness, by throwing it on), never the endpoint's.
 */
async function expectVerifyError(call: () => Promise<unknown>, what: string): Promise<VerifyError> {
  try {
    await call();
  } catch (error) {
    if (!(error instanceof VerifyError)) throw error;
    return error;
  }
  protocolCheck(false, `${what}: the request succeeded`);
}

export const coreSuite = defineSuite({
  id: 'core',
  description: 'Chat basics every provider must get right: health, listing, chat, limits, determinism, usage, errors.',
  tests: [
    {
      id: 'health_check',
      estimate: { requests: 0 },
      description: 'The endpoint answers its health check as its provider defines it (the server\'s own health route, then the protocol\'s health call); an unhealthy answer fails [infra].',
      requires: [],
      tags: ['smoke'],
      assertion: 'protocol',
      async run({ target, record, signal }) {
        const health = await target.health({ signal });
        if (health.version) record('serverVersion', health.version);
        infraCheck(health.ok, `health check not ok: ${health.detail ?? 'no detail'}`);
      },
    },
    {
      id: 'list_models',
      estimate: { requests: 0 },
      description: 'The model under test is in the endpoint\'s model listing.',
      requires: ['list_models'],
      tags: ['smoke'],
      assertion: 'protocol',
      async run({ target, record, signal }) {
        const models = await target.client.listModels({ signal });
        record('listed', models.map((model) => model.id).slice(0, 20));
        protocolCheck(models.length > 0, 'the listing is empty');
        protocolCheck(
          models.some((model) => model.id === target.model.id),
          `"${target.model.id}" is not listed (listed: ${models.map((model) => model.id).slice(0, 10).join(', ')})`,
        );
      },
    },
    {
      id: 'basic_chat',
      description: 'A short chat returns non-empty text, finish_reason stop and usage.',
      requires: ['chat'],
      tags: ['smoke'],
      assertion: 'protocol',
      async run(context) {
        const maxTokens = 64;
        const response = await chatOnce(context, { messages: [{ role: 'user', content: 'Say hello in one short sentence.' }], maxTokens });
        context.record('text', response.text.slice(0, 200));
        checkAnswerText(response);
        checkFinishReason(response, 'stop', maxTokens);
        protocolCheck(response.usage !== undefined, 'no usage reported');
        protocolCheck((response.usage.output ?? 0) > 0, `usage reports ${response.usage.output} output tokens`);
      },
    },
    {
      id: 'system_prompt',
      description: 'The model follows a system prompt (answers with the word it demands).',
      requires: ['system_prompt'],
      tags: ['behaviour'],
      assertion: 'model',
      async run(context) {
        const response = await chatOnce(context, {
          messages: [
            { role: 'system', content: 'Whatever the user says, reply with exactly one word: BANANA' },
            { role: 'user', content: 'What is your favourite fruit?' },
          ],
          maxTokens: 16,
        });
        context.record('text', response.text.slice(0, 200));
        checkAnswerText(response);
        modelCheck(/banana/i.test(response.text), `the answer ignores the system prompt: "${response.text.slice(0, 80)}"`);
      },
    },
    {
      id: 'multi_turn',
      description: 'The model recalls a fact given in the first turn.',
      requires: ['multi_turn'],
      tags: ['behaviour'],
      assertion: 'model',
      async run(context) {
        const response = await chatOnce(context, {
          messages: [
            { role: 'user', content: 'My name is Zorblax. Remember it.' },
            { role: 'assistant', content: 'Nice to meet you, Zorblax. I will remember your name.' },
            { role: 'user', content: 'What is my name? Answer with the name only.' },
          ],
          maxTokens: 16,
        });
        context.record('text', response.text.slice(0, 200));
        checkAnswerText(response);
        modelCheck(/zorblax/i.test(response.text), `the name from turn 1 is not recalled: "${response.text.slice(0, 80)}"`);
      },
    },
    {
      id: 'max_tokens',
      description: 'A small max_tokens cuts the answer: finish_reason length, output tokens within the limit.',
      requires: ['max_tokens'],
      tags: ['limits'],
      assertion: 'protocol',
      async run(context) {
        const limit = 5;
        const response = await chatOnce(context, { messages: [{ role: 'user', content: 'Write a long story about a dragon who learns to cook.' }], maxTokens: limit });
        context.record('outputTokens', response.usage?.output);
        checkFinishReason(response, 'length', limit);
        if (response.usage?.output !== undefined) {
          protocolCheck(response.usage.output <= limit, `usage reports ${response.usage.output} output tokens, limit was ${limit}`);
        }
      },
    },
    {
      id: 'stop_sequences',
      description: 'Generation stops at a stop sequence, which is not included in the text.',
      requires: ['stop_sequences'],
      tags: ['limits'],
      assertion: 'protocol',
      async run(context) {
        const response = await chatOnce(context, {
          messages: [{ role: 'user', content: 'Count from 1 to 10, separated by commas and spaces. Just the numbers.' }],
          stop: ['5'],
          maxTokens: 64,
        });
        context.record('text', response.text.slice(0, 200));
        protocolCheck(!response.text.includes('5'), `the text runs past the stop sequence "5": "${response.text.slice(0, 80)}"`);
        checkFinishReason(response, 'stop', 64);
        modelCheck(/4/.test(response.text), `the model did not count up to the stop sequence: "${response.text.slice(0, 80)}"`);
      },
    },
    {
      id: 'temperature_zero_determinism',
      estimate: { requests: 2 },
      description: 'Same prompt, seed and temperature 0 twice: the same text.',
      requires: ['seed', 'temperature'],
      tags: ['determinism'],
      assertion: 'protocol',
      async run(context) {
        const ask = () =>
          chatOnce(context, { messages: [{ role: 'user', content: 'Name three colours.' }], maxTokens: 32 });
        const first = await ask();
        const second = await ask();
        context.record('first', first.text.slice(0, 120));
        context.record('second', second.text.slice(0, 120));
        protocolCheck(first.text === second.text, `two answers differ:\n  1: ${JSON.stringify(first.text.slice(0, 80))}\n  2: ${JSON.stringify(second.text.slice(0, 80))}`);
      },
    },
    {
      id: 'usage_accounting',
      description: 'Usage reports input and output tokens, and total = input + output when the wire carries a total (adapters never compute one).',
      requires: ['usage'],
      tags: ['usage'],
      assertion: 'protocol',
      async run(context) {
        const response = await chatOnce(context, { messages: [{ role: 'user', content: 'Reply with OK.' }], maxTokens: 8 });
        const usage = response.usage;
        context.record('usage', usage);
        context.record('totalOnWire', usage?.total !== undefined);
        protocolCheck(usage !== undefined, 'no usage reported');
        protocolCheck((usage.input ?? 0) > 0, `input tokens: ${usage.input}`);
        protocolCheck((usage.output ?? 0) > 0, `output tokens: ${usage.output}`);
        if (usage.total !== undefined) {
          protocolCheck(usage.total === (usage.input ?? 0) + (usage.output ?? 0), `total ${usage.total} ≠ input ${usage.input} + output ${usage.output}`);
        }
      },
    },
    {
      id: 'unicode_roundtrip',
      description: 'Non-ASCII text (accents, CJK, emoji) survives the round trip.',
      requires: ['chat'],
      tags: ['behaviour', 'encoding'],
      assertion: 'model',
      async run(context) {
        const word = 'café';
        const response = await chatOnce(context, {
          messages: [{ role: 'user', content: `Repeat exactly, nothing else: ${word} 東京 🚀` }],
          maxTokens: 32,
        });
        context.record('text', response.text.slice(0, 200));
        protocolCheck(!response.text.includes('\uFFFD'), 'the answer contains U+FFFD replacement characters (broken UTF-8 decoding)');
        modelCheck(response.text.includes(word), `"${word}" not echoed: "${response.text.slice(0, 80)}"`);
      },
    },
    {
      id: 'invalid_model',
      estimate: { requests: 0 },
      description: 'Asking for a model that does not exist gives a normalized model_not_found error, not a crash or an answer.',
      requires: [],
      tags: ['errors'],
      assertion: 'protocol',
      async run(context) {
        const error = await expectVerifyError(
          () =>
            context.target.client.chat(
              { model: 'llm-verify-no-such-model-7f3a', messages: [{ role: 'user', content: 'hi' }], maxTokens: 4 },
              { signal: context.signal },
            ),
          'a request for a model that does not exist',
        );
        context.record('error', { kind: error.kind, status: error.status });
        protocolCheck(error.kind === 'model_not_found', `normalized kind is ${error.kind}, expected model_not_found (${error.message.slice(0, 160)})`);
      },
    },
    {
      id: 'bad_credentials',
      estimate: { requests: 0 },
      description: 'A wrong key is rejected with a normalized auth error.',
      requires: ['auth'],
      tags: ['errors', 'auth'],
      assertion: 'protocol',
      async run(context) {
        if (context.target.auth !== 'configured') {
          context.skip('the endpoint has no key configured, so a wrong key cannot be told from a right one (set the provider\'s API key env var, or use --local)');
        }
        const wrong = await context.target.clientWith({ apiKey: 'llm-verify-wrong-key-000000' });
        const error = await expectVerifyError(
          () => wrong.chat(request(context, { messages: [{ role: 'user', content: 'hi' }], maxTokens: 4 }), { signal: context.signal }),
          'a request with a wrong key',
        );
        context.record('error', { kind: error.kind, status: error.status });
        protocolCheck(error.kind === 'auth', `normalized kind is ${error.kind}, expected auth (${error.message.slice(0, 160)})`);
      },
    },
  ],
});
