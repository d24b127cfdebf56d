import { describe, expect, it } from 'vitest';
import type { CellResult } from '../verdicts/verdict.ts';
import { costLine, costTotals, renderCostMarkdown, targetCostText } from './cost-report.ts';

const cell = (model: string, extra: Partial<CellResult>): CellResult => ({
  runId: 'r', suite: 'core', test: 't', provider: 'p', model, protocol: 'openai-chat', verdict: 'pass', durationMs: 1, startedAt: '2026-01-01T00:00:00Z', assertion: 'protocol', tags: [], ...extra,
});

describe('cost report', () => {
  const totals = costTotals([
    cell('a', { costUsd: 0.001, usage: { calls: 1, input: 1, output: 1 } }),
    cell('a', { costUsd: 0.0025, usage: { calls: 1, input: 1, output: 1 } }),
    cell('b', { usage: { calls: 2, input: 5, output: 5 } }),
    cell('c', {}),
  ]);

  it('sums cost per target and in total; targets that made calls without a price are named, not counted', () => {
    expect(totals).toEqual({ usd: 0.0035, byTarget: { 'p/a/openai-chat': 0.0035 }, unpricedTargets: ['p/b/openai-chat'] });
    expect(['p/a/openai-chat', 'p/b/openai-chat', 'p/c/openai-chat'].map((target) => targetCostText(totals, target))).toEqual(['$0.00350', '?', '-']);
    expect(costLine(totals)).toBe('cost: $0.00350 in total (not counted, no price known: p/b/openai-chat)');
    expect(renderCostMarkdown(totals, ['p/a/openai-chat'])).toContain('| p/a/openai-chat | $0.00350 |\n| **total** | **$0.00350** |');
  });
});
