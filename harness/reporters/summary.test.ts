import { describe, expect, it } from 'vitest';
import type { CellResult } from '../verdicts/verdict.ts';
import { VERDICT_ASCII, VERDICT_SYMBOL, countVerdicts, failuresByLayer, summaryLine } from './summary.ts';

const cell = (verdict: CellResult['verdict'], layer?: CellResult['layer']): CellResult => ({
  runId: 'r',
  suite: 's',
  test: 't',
  provider: 'p',
  model: 'm',
  protocol: 'openai-chat',
  verdict,
  layer,
  durationMs: 0,
  startedAt: '',
  assertion: 'protocol',
  tags: [],
});

describe('summary', () => {
  const results = [cell('pass'), cell('fail', 'model'), cell('pass'), cell('fail', 'protocol'), cell('fail', 'model'), cell('error', 'transport'), cell('skipped'), cell('flaky')];

  it('summaryLine: counts every verdict in order and the failing layers', () => {
    expect(summaryLine(results)).toBe('llm-verify: 8 cells: 2 pass, 3 fail (model 2, protocol 1), 0 unsupported, 1 skipped, 1 error, 1 flaky');
  });

  it('summaryLine without failures and for an empty run', () => {
    expect(summaryLine([cell('pass'), cell('unsupported')])).toBe('llm-verify: 2 cells: 1 pass, 0 fail, 1 unsupported, 0 skipped, 0 error, 0 flaky');
    expect(summaryLine([])).toBe('llm-verify: 0 cells: 0 pass, 0 fail, 0 unsupported, 0 skipped, 0 error, 0 flaky');
  });

  it('countVerdicts and failuresByLayer (errors are not failures; missing layer is unknown)', () => {
    expect(countVerdicts(results)).toEqual({ pass: 2, fail: 3, unsupported: 0, skipped: 1, error: 1, flaky: 1 });
    expect(failuresByLayer([...results, cell('fail')])).toEqual({ model: 2, protocol: 1, unknown: 1 });
  });

  it('has a symbol and an ASCII label for every verdict', () => {
    expect(VERDICT_SYMBOL).toEqual({ pass: '✅', fail: '❌', unsupported: '➖', skipped: '⏭️', error: '⚠️', flaky: '🔁' });
    expect(Object.values(VERDICT_ASCII)).toEqual(['PASS', 'FAIL', 'UNSUP', 'SKIP', 'ERROR', 'FLAKY']);
  });
});
