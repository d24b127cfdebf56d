import { describe, expect, it } from 'vitest';
import { renderMatrixHtml } from './matrix-html.ts';
import type { CompatibilityMatrix } from './matrix-model.ts';

const matrix: CompatibilityMatrix = {
  schemaVersion: 1,
  runId: 'run<1>',
  columns: ['core.chat', 'tools.<call>'],
  rows: [
    {
      provider: 'llama_cpp',
      model: 'smol<b>',
      protocol: 'openai-chat',
      entries: {
        'core.chat': { verdict: 'pass', durationMs: 1 },
        'tools.<call>': { verdict: 'fail', layer: 'model', message: 'expected <tool_call> & "x"', durationMs: 2 },
      },
    },
    {
      provider: 'openai',
      model: 'gpt',
      protocol: 'openai-chat',
      notLiveVerified: 'needs "OPENAI_API_KEY" <secret>',
      entries: { 'core.chat': { verdict: 'unsupported', message: 'no', durationMs: 0 } },
    },
  ],
};

const html = renderMatrixHtml(matrix);

describe('renderMatrixHtml', () => {
  it('is a standalone page with the run id escaped', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<title>llm-verify matrix run&lt;1&gt;</title>');
    expect(html).toContain('<code>run&lt;1&gt;</code>');
    expect(html).not.toContain('run<1>');
  });

  it('escapes column headers and row labels', () => {
    expect(html).toContain('<th><span>tools.&lt;call&gt;</span></th>');
    expect(html).toContain('<th scope="row">llama_cpp / smol&lt;b&gt; / openai-chat</th>');
    expect(html).not.toContain('<b>');
  });

  it('writes each entry with its verdict class, symbol, layer and an escaped title', () => {
    expect(html).toContain('<td class="pass" title="pass">✅</td>');
    expect(html).toContain('<td class="fail" title="fail (model): expected &lt;tool_call&gt; &amp; &quot;x&quot;">❌<small>model</small></td>');
    expect(html).not.toContain('<tool_call>');
  });

  it('labels rows that are not live-verified, with the reason escaped, and leaves missing entries empty', () => {
    expect(html).toContain(
      '<th scope="row">openai / gpt / openai-chat <em title="needs &quot;OPENAI_API_KEY&quot; &lt;secret&gt;">not live-verified here</em></th><td class="unsupported" title="unsupported: no">➖</td><td></td></tr>',
    );
  });

  it('has a legend with every verdict', () => {
    for (const label of ['✅ pass', '❌ fail', '➖ unsupported', '⏭️ skipped', '⚠️ error', '🔁 flaky']) expect(html).toContain(label);
  });
});
