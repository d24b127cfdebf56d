import { describe, expect, it } from 'vitest';
import type { CellResult } from '../verdicts/verdict.ts';
import { createProgress } from './progress.ts';

const result = (verdict: CellResult['verdict'], extra: Partial<CellResult> = {}): CellResult => ({
  runId: 'r', suite: 'core', test: 't', provider: 'p', model: 'm', protocol: 'openai-chat', verdict, durationMs: 5, startedAt: '', assertion: 'protocol', tags: [], ...extra,
});

describe('progress', () => {
  it('prints failing and retried cells, and a status line each 10% with counts and ETA', () => {
    const lines: string[] = [];
    let clock = 0;
    const progress = createProgress({ total: 10, write: (line) => lines.push(line), verbose: false, now: () => clock });
    for (let index = 0; index < 10; index += 1) {
      clock += 1000;
      progress.onCell(index === 3 ? result('fail', { layer: 'protocol', message: 'no finish reason' }) : index === 5 ? result('pass', { retries: [{ attempt: 1, reason: 'HTTP 429', delayMs: 0, request: 'POST /v1' }] }) : result('pass'));
    }
    progress.finish();
    expect(lines.filter((line) => line.includes(' FAIL '))).toEqual(['[ 4/10] FAIL  p/m/openai-chat core.t 5 ms [protocol] — no finish reason']);
    expect(lines.filter((line) => line.includes('PASS '))).toEqual(['[ 6/10] PASS  p/m/openai-chat core.t 5 ms (passed after 1 retry (HTTP 429))']);
    expect(lines).toContain('[ 5/10] 4 pass · 1 fail · 0 error · 5s · ETA 5s');
    expect(lines.at(-1)).toBe('[10/10] 9 pass · 1 fail · 0 error · 10s');
  });

  it('--verbose prints every cell; a terminal gets one line redrawn in place', () => {
    const lines: string[] = [];
    const drawn: string[] = [];
    const progress = createProgress({ total: 2, write: (line) => lines.push(line), verbose: true, live: { columns: 80, redraw: (text) => drawn.push(text), clear: () => undefined }, now: () => 0 });
    progress.onCell(result('pass'));
    progress.onCell(result('skipped'));
    expect(lines).toHaveLength(2);
    expect(drawn).toEqual(['[1/2] 1 pass · 0 fail · 0 error · 0s · ETA 0s', '[2/2] 1 pass · 0 fail · 0 error · 1 other · 0s']);
  });
});
