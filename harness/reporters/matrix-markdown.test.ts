import { describe, expect, it } from 'vitest';
import { cellResult, sampleRun, SUITE_ORDER } from '../testing/matrix-cells.ts';
import { renderMatrixMarkdown } from './matrix-markdown.ts';
import { buildMatrix } from './matrix-model.ts';
import { renderMatrixSummaryMarkdown } from './matrix-summary-markdown.ts';

const matrix = buildMatrix('run-9', sampleRun(), { llama_cpp: 'x' }, { suiteOrder: SUITE_ORDER });
const md = renderMatrixMarkdown(matrix);

describe('renderMatrixMarkdown', () => {
  it("labels a gateway's target in the summary with what it verifies", () => {
    const gateway = buildMatrix('r', [cellResult({ provider: 'litellm', protocol: 'gemini' })], {}, { gateways: { litellm: 'LiteLLM 1.108.7 → llama-server' } });
    expect(renderMatrixMarkdown(gateway)).toContain('— gemini protocol as served by LiteLLM 1.108.7 → llama-server |');
  });

  it('starts with the totals and a summary per target and suite', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Compatibility matrix — run run-9');
    expect(lines[2]).toBe('**10 cells:** 3 fail · 1 flaky · 2 pass · 1 unsupported · 3 skipped · 1 known (baselined) · 1 new (not in the baseline) · 1 stale baseline');
    expect(md).toContain('| target | core | tools |\n| --- | --- | --- |\n| llama_cpp / smol / openai-chat (not live-verified here) | 🔁 1 · ✅ 1 · ➖ 1 | ❌ 1 |');
  });

  it('has one table per suite in suite order, with only tested targets', () => {
    expect(md.indexOf('## core')).toBeLessThan(md.indexOf('## tools'));
    expect(md).toContain('## core\n\n| target | chat | bad_credentials | stream |\n| --- | --- | --- | --- |\n| llama_cpp / smol / openai-chat | ✅ | ➖ | 🔁 2/3 |\n| llama_cpp / smol / anthropic-messages | ❌ protocol known |   | ❌ parser new |');
    expect(md).toContain('## tools\n\n| target | call |\n| --- | --- |\n| llama_cpp / smol / openai-chat | ❌ model |\n| llama_cpp / smol / anthropic-messages | ✅ stale |');
    expect(md).not.toMatch(/\| openai \/ gpt-5/);
  });

  it('lists the cells needing attention, new failures first, with their message on one line, escaped', () => {
    const attention = md.slice(md.indexOf('## What needs attention')).split('\n').filter((line) => line.startsWith('- '));
    expect(attention[0]).toBe('- `llama_cpp/smol/anthropic-messages` **core.stream** — fail (parser), new: bad JSON');
    expect(attention).toHaveLength(5);
    expect(md).toContain('- `llama_cpp/smol/openai-chat` **tools.call** — fail (model): expected a &lt;tool_call> & "x" second line');
    expect(md).toContain('- `llama_cpp/smol/openai-chat` **core.stream** — flaky (2/3)');
    expect(md).toContain('- `llama_cpp/smol/anthropic-messages` **core.chat** — fail (protocol), known: no stop_reason');
    expect(md).toContain('- `llama_cpp/smol/anthropic-messages` **tools.call** — pass (stale)');
  });

  it('collapses unconfigured providers to one row each with what they need', () => {
    expect(md).toContain('## Not configured here: 2 providers, 3 cells skipped\n\n| provider | what it needs | models | cells |\n| --- | --- | --- | --- |\n| openai | no credentials: set OPENAI_API_KEY | 1 | 2 |');
    expect(md.endsWith('\n')).toBe(true);
  });

  it('escapes | in labels and leaves a blank cell for a missing entry', () => {
    const sparse = renderMatrixMarkdown(buildMatrix('r', [cellResult({ model: 'a|b', verdict: 'error' }), cellResult({ model: 'a|b', test: 'x' })], {}));
    expect(sparse).toContain('| llama_cpp / a\\|b / openai-chat | ⚠️ | ✅ |');
  });
});

describe('renderMatrixSummaryMarkdown', () => {
  const summary = renderMatrixSummaryMarkdown(matrix);

  it('is compact: totals, per-target counts, folded attention list, unconfigured providers; no per-test tables', () => {
    expect(summary.split('\n')[0]).toBe('### Compatibility matrix — run run-9');
    expect(summary).toContain('| llama_cpp / smol / anthropic-messages (not live-verified here) | ❌ 2 (1 known) | ✅ 1 |');
    expect(summary).toContain('<details><summary>5 cells need attention (fail, error, flaky, stale)</summary>');
    expect(summary).toContain('#### Not configured here: 2 providers, 3 cells skipped');
    expect(summary).not.toContain('| target | chat |');
  });

  it('caps the attention list and says how many more', () => {
    const many = Array.from({ length: 55 }, (_, index) => cellResult({ test: `t${index}`, verdict: 'fail', layer: 'model', message: 'x'.repeat(500) }));
    const text = renderMatrixSummaryMarkdown(buildMatrix('r', many, {}));
    expect(text.split('\n').filter((line) => line.startsWith('- `'))).toHaveLength(40);
    expect(text).toContain('- … and 15 more (see matrix.md / matrix.html)');
    expect(text.length).toBeLessThan(12_000);
  });
});
