import { describe, expect, it } from 'vitest';
import type { CellResult } from '../verdicts/verdict.ts';
import { buildMatrix } from './matrix-model.ts';

const cell = (overrides: Partial<CellResult>): CellResult => ({
  runId: 'r',
  suite: 'core',
  test: 'chat',
  provider: 'llama_cpp',
  model: 'smol',
  protocol: 'openai-chat',
  verdict: 'pass',
  durationMs: 5,
  startedAt: '',
  assertion: 'protocol',
  tags: [],
  ...overrides,
});

describe('buildMatrix', () => {
  const results = [
    cell({}),
    cell({ suite: 'tools', test: 'call', verdict: 'fail', layer: 'model', message: 'no call', durationMs: 9 }),
    cell({ protocol: 'anthropic-messages', suite: 'tools', test: 'call', verdict: 'unsupported', message: 'no tools' }),
    cell({ provider: 'openai', model: 'gpt', verdict: 'skipped', message: 'no key' }),
  ];
  const matrix = buildMatrix('run-7', results, { openai: 'no key on CI' });

  it('has schemaVersion, run id and columns suite.test in first-seen order', () => {
    expect(matrix.schemaVersion).toBe(1);
    expect(matrix.runId).toBe('run-7');
    expect(matrix.columns).toEqual(['core.chat', 'tools.call']);
  });

  it('has one row per provider/model/protocol with its entries', () => {
    expect(matrix.rows.map((row) => `${row.provider}/${row.model}/${row.protocol}`)).toEqual([
      'llama_cpp/smol/openai-chat',
      'llama_cpp/smol/anthropic-messages',
      'openai/gpt/openai-chat',
    ]);
    expect(matrix.rows[0]?.entries).toEqual({
      'core.chat': { verdict: 'pass', layer: undefined, message: undefined, durationMs: 5 },
      'tools.call': { verdict: 'fail', layer: 'model', message: 'no call', durationMs: 9 },
    });
    expect(Object.keys(matrix.rows[1]?.entries ?? {})).toEqual(['tools.call']);
  });

  it('marks rows of providers that are not live-verified, only those', () => {
    expect(matrix.rows[2]?.notLiveVerified).toBe('no key on CI');
    expect(matrix.rows[0] && 'notLiveVerified' in matrix.rows[0]).toBe(false);
  });

  it("says what a gateway's rows verify (the protocol as served by the gateway → its upstream), only on its rows", () => {
    const gateway = buildMatrix('r', [cell({ provider: 'litellm', protocol: 'gemini' }), cell({})], {}, { litellm: 'LiteLLM 1.108.7 → llama-server' });
    expect(gateway.rows[0]?.servedAs).toBe('gemini protocol as served by LiteLLM 1.108.7 → llama-server');
    expect(gateway.rows[1] && 'servedAs' in gateway.rows[1]).toBe(false);
  });

  it('a later result for the same cell replaces the earlier one', () => {
    const again = buildMatrix('r', [cell({ verdict: 'error' }), cell({ verdict: 'pass', durationMs: 1 })], {});
    expect(again.rows).toHaveLength(1);
    expect(again.rows[0]?.entries['core.chat']).toMatchObject({ verdict: 'pass', durationMs: 1 });
  });
});
