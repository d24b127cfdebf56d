import { describe, expect, it } from 'vitest';
import type { AskResult } from './ask-run.ts';
import { renderJson, renderPlain, renderSideBySide, renderSingle, statsLines } from './ask-render.ts';

const answer: AskResult = {
  target: 'llama_cpp/m/openai-chat',
  provider: 'llama_cpp',
  model: 'm',
  protocol: 'openai-chat',
  ok: true,
  text: 'Hello there',
  toolCalls: [],
  finishReason: 'length',
  rawFinishReason: 'length',
  usage: { input: 10, output: 8, total: 18 },
  latencyMs: 250,
  stream: { ttftMs: 40, tokensPerSecond: 70.26, deltas: 8 },
  serverTimings: { promptTokens: 10, promptMs: 12.5, predictedTokens: 8, predictedMs: 100, predictedPerSecond: 80 },
};
const failed: AskResult = { target: 'openai/gpt-5.1/openai-chat', provider: 'openai', model: 'gpt-5.1', protocol: 'openai-chat', ok: false, error: { kind: 'missing_credentials', message: 'no credentials for openai', fix: 'set OPENAI_API_KEY' } };

describe('ask output', () => {
  it('states finish reason, usage, latency, TTFT, tokens/s and the server\'s own timings', () => {
    expect(statsLines(answer)).toEqual([
      'finish length · tokens 10 in / 8 out / 18 total · 250 ms',
      'stream: TTFT 40 ms · 70.3 tok/s · 8 deltas',
      'server timings: prompt 10 tok in 13 ms · 8 tok in 100 ms (80.0 tok/s)',
    ]);
  });

  it('says usage was not reported instead of inventing numbers', () => {
    expect(statsLines({ ...answer, usage: undefined, stream: undefined, serverTimings: undefined })[0]).toBe('finish length · usage not reported · 250 ms');
  });

  it('pretty single: header, answer, facts; an error prints its kind and fix', () => {
    expect(renderSingle(answer, { answerAlreadyPrinted: false })).toMatch(/^── llama_cpp\/m\/openai-chat\nHello there\n\nfinish length/);
    expect(renderSingle(failed, { answerAlreadyPrinted: false })).toContain('✗ missing_credentials: no credentials for openai\n  fix: set OPENAI_API_KEY');
  });

  it('side by side: one column per target', () => {
    const table = renderSideBySide([answer, failed], 100);
    const header = table.split('\n')[1] ?? '';
    expect(header).toContain('llama_cpp/m/openai-chat');
    expect(header).toContain('openai/gpt-5.1/openai-chat');
    expect(table).toContain('Hello there');
    expect(table).toContain('missing_credentials');
  });

  it('plain prints text only; json is one object for one target and an array for several', () => {
    expect(renderPlain([answer])).toBe('Hello there\n');
    expect(renderPlain([answer, failed])).toBe('== llama_cpp/m/openai-chat ==\nHello there\n== openai/gpt-5.1/openai-chat ==\n✗ missing_credentials\n');
    expect(JSON.parse(renderJson([answer], false))).toMatchObject({ target: answer.target, finishReason: 'length' });
    expect(JSON.parse(renderJson([answer, failed], true))).toHaveLength(2);
  });
});
