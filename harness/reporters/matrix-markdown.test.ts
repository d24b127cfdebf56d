import { describe, expect, it } from 'vitest';
import type { CompatibilityMatrix } from './matrix-model.ts';
import { renderMatrixMarkdown } from './matrix-markdown.ts';

const matrix: CompatibilityMatrix = {
  schemaVersion: 1,
  runId: 'run-9',
  columns: ['core.chat', 'tools.a|b'],
  rows: [
    {
      provider: 'llama_cpp',
      model: 'smol|q4',
      protocol: 'openai-chat',
      entries: {
        'core.chat': { verdict: 'pass', durationMs: 1, message: 'ignored for pass' },
        'tools.a|b': { verdict: 'fail', layer: 'parser', message: 'bad JSON | "x"\nsecond line', durationMs: 2 },
      },
    },
    {
      provider: 'openai',
      model: 'gpt',
      protocol: 'openai-responses',
      notLiveVerified: 'no key on CI',
      entries: {
        'core.chat': { verdict: 'skipped', message: 'no credentials', durationMs: 0 },
        'tools.a|b': { verdict: 'fail', durationMs: 0 },
      },
    },
  ],
};

const md = renderMatrixMarkdown(matrix);
const lines = md.split('\n');

describe('renderMatrixMarkdown', () => {
  it("labels a gateway's row with what it verifies", () => {
    const row = { provider: 'litellm', model: 'm', protocol: 'gemini', servedAs: 'gemini protocol as served by LiteLLM 1.108.7 → llama-server', entries: {} };
    expect(renderMatrixMarkdown({ ...matrix, rows: [row] })).toContain('| litellm / m / gemini — gemini protocol as served by LiteLLM 1.108.7 → llama-server |');
  });

  it('has a title, an escaped header and a separator', () => {
    expect(lines[0]).toBe('# Compatibility matrix — run run-9');
    expect(lines[2]).toBe('| provider / model / protocol | core.chat | tools.a\\|b |');
    expect(lines[3]).toBe('| --- | --- | --- |');
  });

  it('shows symbols, the layer on a fail, and escapes | in labels', () => {
    expect(lines[4]).toBe('| llama_cpp / smol\\|q4 / openai-chat | ✅ | ❌ parser |');
  });

  it('labels rows that are not live-verified; a fail without a layer is just the symbol', () => {
    expect(lines[5]).toBe('| openai / gpt / openai-responses (not live-verified here) | ⏭️ | ❌ |');
  });

  it('has a legend and notes for non-pass entries with a message, escaped and on one line', () => {
    expect(md).toContain('**Legend:** ✅ pass · ❌ fail · ➖ unsupported · ⏭️ skipped · ⚠️ error · 🔁 flaky');
    const notes = md.slice(md.indexOf('## Notes'));
    expect(notes.split('\n').filter((line) => line.startsWith('- '))).toEqual([
      '- `llama_cpp/smol|q4/openai-chat` **tools.a|b** — fail (parser): bad JSON \\| "x" second line',
      '- `openai/gpt/openai-responses` **core.chat** — skipped: no credentials',
    ]);
    expect(md.endsWith('\n')).toBe(true);
  });

  it('leaves a blank cell for a missing entry and has no notes section without messages', () => {
    const sparse = renderMatrixMarkdown({ schemaVersion: 1, runId: 'r', columns: ['a.b', 'c.d'], rows: [{ provider: 'p', model: 'm', protocol: 'x', entries: { 'a.b': { verdict: 'error', durationMs: 0 } } }] });
    expect(sparse).toContain('| p / m / x | ⚠️ |   |');
    expect(sparse).not.toContain('## Notes');
  });
});
