import { describe, expect, it } from 'vitest';
import type { CellResult } from '../verdicts/verdict.ts';
import { printSummary } from './console.ts';
import { buildJunitXml } from './junit.ts';
import { renderMatrixHtml } from './matrix-html.ts';
import { renderMatrixMarkdown } from './matrix-markdown.ts';
import { buildMatrix } from './matrix-model.ts';
import { reportPaths } from './write-reports.ts';

const retried: CellResult = {
  runId: 'r', suite: 'core', test: 'basic_chat', provider: 'llama_cpp', model: 'm', protocol: 'openai-chat', verdict: 'pass', durationMs: 9, startedAt: '2026-01-01T00:00:00Z', assertion: 'protocol', tags: [],
  retries: [{ attempt: 1, reason: 'HTTP 429', delayMs: 0, request: 'POST /v1/chat/completions' }],
};
const failedAfter: CellResult = { ...retried, test: 'usage_accounting', verdict: 'fail', layer: 'infra', kind: 'server', message: 'HTTP 500', retries: [{ attempt: 1, reason: 'HTTP 500', delayMs: 100, request: 'POST /v1' }, { attempt: 2, reason: 'HTTP 500', delayMs: 300, request: 'POST /v1' }] };

describe('a cell that needed retries says so in every report', () => {
  it('junit, matrix (md, html, json) and the console summary', () => {
    const junit = buildJunitXml([retried, failedAfter], { capabilities: new Map() }, 'r');
    expect(junit).toContain('passed after 1 retry (HTTP 429)');
    expect(junit).toContain('HTTP 500 (after 2 retries (HTTP 500))');
    const matrix = buildMatrix('r', [retried, failedAfter], {});
    expect(matrix.rows[0]?.entries['core.basic_chat']?.retried).toBe('passed after 1 retry (HTTP 429)');
    const markdown = renderMatrixMarkdown(matrix);
    expect(markdown).toContain('✅ ↻');
    expect(markdown).toContain('**core.basic_chat** — pass — passed after 1 retry (HTTP 429)');
    const html = renderMatrixHtml(matrix);
    expect(html).toContain('<dt>retries</dt><dd>passed after 1 retry (HTTP 429)</dd>');
    expect(html).toContain('↻');
    const lines: string[] = [];
    printSummary([retried, failedAfter], reportPaths('/tmp/run'), (line) => lines.push(line));
    expect(lines).toContain('retried: 2 cells (1 passed only after retries)');
    expect(lines).toContain('  llama_cpp/m/openai-chat core.basic_chat: passed after 1 retry (HTTP 429)');
  });
});
