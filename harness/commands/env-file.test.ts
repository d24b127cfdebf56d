import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { quoteEnvValue, updateEnvText } from './env-file.ts';

describe('updateEnvText', () => {
  const existing = ['# my settings', 'UNRELATED=keep-me', 'LLAMA_CPP_BASE_URL=                # e.g. http://127.0.0.1:8080', 'export OTHER="x y"', ''].join('\n');

  it('rewrites existing assignments in place, keeps their comments and every other line', () => {
    const update = updateEnvText(existing, { LLAMA_CPP_BASE_URL: 'http://127.0.0.1:8080' });
    expect(update.text).toBe(['# my settings', 'UNRELATED=keep-me', 'LLAMA_CPP_BASE_URL=http://127.0.0.1:8080                # e.g. http://127.0.0.1:8080', 'export OTHER="x y"', ''].join('\n'));
    expect(update).toMatchObject({ updated: ['LLAMA_CPP_BASE_URL'], added: [], kept: 3 });
  });

  it('appends new variables under one header, and dotenv reads back exactly what was set', () => {
    const update = updateEnvText(existing, { LLAMA_CPP_API_KEY: 'k3y with space', OPENAI_API_KEY: 'sk-abc#123' });
    expect(update.added).toEqual(['LLAMA_CPP_API_KEY', 'OPENAI_API_KEY']);
    expect(update.text.match(/# added by llm-verify init/g)).toHaveLength(1);
    const parsed = parse(update.text);
    expect(parsed).toMatchObject({ UNRELATED: 'keep-me', OTHER: 'x y', LLAMA_CPP_API_KEY: 'k3y with space', OPENAI_API_KEY: 'sk-abc#123' });
  });

  it('rewrites every occurrence of a duplicated variable and keeps CRLF line endings', () => {
    const update = updateEnvText('A=1\r\nB=2\r\nA=3\r\n', { A: 'new' });
    expect(update.text).toBe('A=new\r\nB=2\r\nA=new\r\n');
  });

  it('writes into an empty file', () => {
    expect(updateEnvText('', { A: 'x' }).text).toBe('# added by llm-verify init\nA=x\n');
  });
});

describe('quoteEnvValue', () => {
  it.each(['plain', 'with space', "it's", 'a"b', 'a#b', 'both \' and "', 'http://h:1/v1?x=1&y=2', ''])('round-trips %j through dotenv', (value) => {
    expect(parse(`K=${quoteEnvValue(value)}`).K).toBe(value);
  });
});
