import { describe, expect, it } from 'vitest';
import { sampleRun, SUITE_ORDER } from '../testing/matrix-cells.ts';
import { renderMatrixHtml } from './matrix-html.ts';
import { buildMatrix } from './matrix-model.ts';

const matrix = buildMatrix('run<1>', sampleRun(), {}, { suiteOrder: SUITE_ORDER, transcriptFor: (result) => (result.verdict === 'fail' ? `transcripts/a b&${result.test}.json` : undefined) });
const html = renderMatrixHtml(matrix);
const tbody = html.slice(html.indexOf('<table class="matrix">'), html.indexOf('</table>', html.indexOf('<table class="matrix">')));

describe('renderMatrixHtml', () => {
  it('is a standalone page without scripts, emoji or external assets, the run id escaped', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<title>llm-verify matrix run&lt;1&gt;</title>');
    expect(html).not.toContain('run<1>');
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html).not.toMatch(/\p{Extended_Pictographic}/u);
  });

  it('groups the header by suite in suite order, with sticky header rows and target column', () => {
    expect(html).toContain('<tr class="suites"><th class="corner" rowspan="2">target</th><th scope="colgroup" colspan="3">core</th><th scope="colgroup" colspan="1">tools</th></tr>');
    const tests = [...tbody.matchAll(/<th scope="col"[^>]*><span>([^<]*)<\/span>/g)].map((match) => match[1]);
    expect(tests).toEqual(['chat', 'bad_credentials', 'stream', 'call']);
    expect(html).toMatch(/\.matrix thead th\{position:sticky/);
    expect(html).toMatch(/\.matrix tbody th\{position:sticky;left:0/);
  });

  it('has one body row per tested target; unconfigured providers are one list with what each needs', () => {
    expect([...tbody.matchAll(/<tr class="(attention|quiet)" data-target="([^"]*)"/g)].map((match) => `${match[1]} ${match[2]}`)).toEqual([
      'attention llama_cpp/smol/openai-chat',
      'attention llama_cpp/smol/anthropic-messages',
    ]);
    expect(html).toContain('Not configured here: 2 providers, 3 cells skipped');
    expect(html).toContain('<td>openai</td><td><div>no credentials: set OPENAI_API_KEY</div></td><td>1</td><td>openai-chat, openai-responses</td><td>2</td>');
    expect(html).toContain('<div>no endpoint: start LM Studio&#39;s server on :1234</div>');
  });

  it('writes each cell as colour class + words, the layer, flaky passes/runs, known and stale marked', () => {
    expect(tbody).toMatch(/<td class="v-pass ok first" data-column="core.chat"><button type="button" popovertarget="c0-0" title="pass">pass<\/button><\/td>/);
    expect(tbody).toContain('<td class="v-fail bad first" data-column="tools.call"><button type="button" popovertarget="c0-3" title="fail (model): expected a &lt;tool_call&gt; &amp; &quot;x&quot;\nsecond line">FAIL<small>model</small></button></td>');
    expect(tbody).toContain('>flaky<small>2/3</small></button>');
    expect(tbody).toContain('<td class="v-fail bad known first" data-column="core.chat">');
    expect(tbody).toContain('FAIL<small>protocol</small><small>known</small>');
    expect(tbody).toContain('<td class="v-pass bad stale first" data-column="tools.call">');
    expect(tbody).toContain('<td class="v-fail bad new" data-column="core.stream"><button type="button" popovertarget="c1-2" title="fail (parser), new failure: bad JSON">FAIL<small>parser</small><small>new</small></button></td>');
    expect(tbody).not.toContain('<tool_call>');
  });

  it('has a detail popover per cell: message, layer, attempts, timings, transcript link when written', () => {
    const detail = html.slice(html.indexOf('<div popover id="c0-3"'), html.indexOf('</div>', html.indexOf('<div popover id="c0-3"') + 60) + 200);
    expect(detail).toContain('<h3>tools.call</h3>');
    expect(detail).toContain('<dt>layer</dt><dd>model</dd>');
    expect(detail).toContain('<dt>ttftMs</dt><dd>12.5</dd>');
    expect(detail).toContain('<dt>duration</dt><dd>900 ms</dd>');
    expect(html).toContain('<pre>expected a &lt;tool_call&gt; &amp; &quot;x&quot;\nsecond line</pre>');
    expect(html).toContain('<a href="transcripts/a%20b&amp;call.json">');
    expect(html).toContain('<dt>attempts</dt><dd>2</dd>');
    expect(html).toContain('<dt>baseline</dt><dd>known failure: llama-server gap</dd>');
    expect(html).toContain('<dt>runs</dt><dd>2 of 3 passed (67%, 95% CI 21%–94%)</dd><dt>each run</dt><dd>pass, fail [model], pass</dd>');
    expect(html).toContain('<dt>baseline</dt><dd>new failure (the baseline expects fail [model])</dd>');
    expect(html.match(/<div popover id=/g)).toHaveLength(7);
    expect(html.match(/transcripts\//g)?.length).toBe(6);
  });

  it('has a summary per target and suite, a failing filter and the failures in words', () => {
    expect(html).toContain('<table class="summary"><thead><tr><th scope="col">target</th><th scope="col">core</th><th scope="col">tools</th><th scope="col">all suites</th></tr></thead>');
    expect(html).toContain('<div class="counts">1 flaky · 1 pass · 1 unsupported</div>');
    expect(html).toContain('<div class="counts"><b>1 fail</b></div>');
    expect(html).toContain('<div class="counts"><b>2 fail (1 known)</b></div>');
    expect(html).toContain('<input type="checkbox" id="only-failing">');
    expect(html).toContain('body:has(#only-failing:checked) .matrix tbody tr.quiet{display:none}');
    expect(html).toContain('<li><code>tools.call</code> <span class="badge v-fail">FAIL model</span> expected a &lt;tool_call&gt; &amp; &quot;x&quot;</li>');
  });

  it('says so when no target ran', () => {
    const empty = renderMatrixHtml(buildMatrix('r', sampleRun().filter((cell) => cell.verdict === 'skipped'), {}));
    expect(empty).toContain('No target ran');
    expect(empty).not.toContain('<table class="matrix">');
    expect(empty).toContain('Not configured here: 2 providers');
  });
});
