import { describe, expect, it } from 'vitest';
import { cellResult, sampleRun, SUITE_ORDER } from '../testing/matrix-cells.ts';
import { buildMatrix } from './matrix-model.ts';

describe('buildMatrix', () => {
  const matrix = buildMatrix('run-7', sampleRun(), { llama_cpp: 'built here' }, { suiteOrder: SUITE_ORDER, transcriptFor: (result) => (result.verdict === 'fail' ? `transcripts/${result.test}.json` : undefined) });

  it('groups columns by suite in suite order, tests in the suite\'s order (not journal order)', () => {
    expect(matrix.schemaVersion).toBe(2);
    expect(matrix.suites).toEqual([
      { suite: 'core', tests: ['chat', 'bad_credentials', 'stream'] },
      { suite: 'tools', tests: ['call'] },
    ]);
    expect(matrix.columns).toEqual(['core.chat', 'core.bad_credentials', 'core.stream', 'tools.call']);
  });

  it('without an order, still groups by suite (first seen) so a decided cell does not split its suite', () => {
    const loose = buildMatrix('r', [cellResult({ test: 'z' }), cellResult({ suite: 'tools', test: 'call' }), cellResult({ test: 'a' })], {});
    expect(loose.columns).toEqual(['core.z', 'core.a', 'tools.call']);
  });

  it('has a row per target that ran; providers whose every cell was skipped collapse with what they need', () => {
    expect(matrix.rows.map((row) => `${row.provider}/${row.model}/${row.protocol}`)).toEqual(['llama_cpp/smol/openai-chat', 'llama_cpp/smol/anthropic-messages']);
    expect(matrix.unconfigured).toEqual([
      { provider: 'openai', needs: ['no credentials: set OPENAI_API_KEY'], models: ['gpt-5'], protocols: ['openai-chat', 'openai-responses'], cells: 2 },
      { provider: 'lm_studio', needs: ["no endpoint: start LM Studio's server on :1234"], models: ['(any)'], protocols: ['openai-chat'], cells: 1 },
    ]);
  });

  it('counts verdicts per target and suite', () => {
    expect(matrix.rows[0]?.summary.core).toMatchObject({ pass: 1, unsupported: 1, flaky: 1, fail: 0 });
    expect(matrix.rows[0]?.summary.tools).toMatchObject({ fail: 1, pass: 0 });
    expect(matrix.rows[1]?.summary).toEqual({ core: expect.objectContaining({ fail: 2 }), tools: expect.objectContaining({ pass: 1 }) });
    expect(matrix.totals).toMatchObject({ cells: 10, pass: 2, fail: 3, skipped: 3, unsupported: 1, flaky: 1, baselined: 1, newFailures: 1, stale: 1 });
  });

  it('carries what each cell recorded, and nothing it did not', () => {
    const row = matrix.rows[0];
    expect(row?.notLiveVerified).toBe('built here');
    expect(row?.entries['tools.call']).toEqual({
      verdict: 'fail', layer: 'model', message: 'expected a <tool_call> & "x"\nsecond line', durationMs: 900,
      startedAt: '2026-12-06T00:00:00.000Z', timings: { ttftMs: 12.5 }, transcript: 'transcripts/call.json',
    });
    expect(row?.entries['core.stream']).toMatchObject({ verdict: 'flaky', repeat: { runs: 3, passes: 2, passRate: 0.6667 } });
    expect(matrix.rows[1]?.entries['core.stream']).toMatchObject({ verdict: 'fail', newFailure: { expected: 'fail [model]' } });
    expect(row?.entries['core.chat']).not.toHaveProperty('attempts');
    expect(row?.entries['core.chat']).not.toHaveProperty('transcript');
    expect(matrix.rows[1]?.entries['core.chat']).toMatchObject({ baselined: { reason: 'llama-server gap' }, attempts: 2, transcript: 'transcripts/chat.json' });
    expect(matrix.rows[1]?.entries['tools.call']).toMatchObject({ verdict: 'pass', stale: true });
  });

  it("says what a gateway's rows verify (the protocol as served by the gateway → its upstream), only on its rows", () => {
    const gateway = buildMatrix('r', [cellResult({ provider: 'litellm', protocol: 'gemini' }), cellResult({})], {}, { gateways: { litellm: 'LiteLLM 1.108.7 → llama-server' } });
    expect(gateway.rows[0]?.servedAs).toBe('gemini protocol as served by LiteLLM 1.108.7 → llama-server');
    expect(gateway.rows[1] && 'servedAs' in gateway.rows[1]).toBe(false);
  });

  it('a later result for the same cell replaces the earlier one', () => {
    const again = buildMatrix('r', [cellResult({ verdict: 'error' }), cellResult({ verdict: 'pass', durationMs: 1 })], {});
    expect(again.rows).toHaveLength(1);
    expect(again.rows[0]?.entries['core.chat']).toMatchObject({ verdict: 'pass', durationMs: 1 });
    expect(again.totals.cells).toBe(1);
  });

  it('a target with one skipped and one run cell stays a row', () => {
    const mixed = buildMatrix('r', [cellResult({ verdict: 'skipped', message: 'no GPU' }), cellResult({ test: 'b', verdict: 'pass' })], {});
    expect(mixed.rows).toHaveLength(1);
    expect(mixed.unconfigured).toEqual([]);
  });
});

describe('buildMatrix: agent-loop terminations', () => {
  it("carries the termination reason from the cell's details to the entry and its detail facts", async () => {
    const { entryFacts } = await import('./matrix-text.ts');
    const result = { runId: 'r', suite: 'advanced', test: 'agent_cycle_limit', provider: 'ollama', model: 'm', protocol: 'ollama-native', assertion: 'protocol', tags: [], verdict: 'pass', durationMs: 5, startedAt: '2026-01-01T00:00:00Z', details: { termination: 'max_cycles', cycles: 3 } } as const;
    const matrix = buildMatrix('r', [{ ...result, tags: [] }], {});
    const entry = matrix.rows[0]?.entries['advanced.agent_cycle_limit'];
    expect(entry?.termination).toBe('max_cycles');
    expect(entryFacts(entry!)).toContainEqual(['termination', 'max_cycles']);
  });
});
