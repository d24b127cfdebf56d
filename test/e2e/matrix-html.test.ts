import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { VERDICT_WORD } from '../../harness/reporters/matrix-text.ts';
import type { ResultsDocument } from '../../harness/reporters/results-json.ts';
import { launchChromium, pngColours } from './browser.ts';
import { readResults, runCli, runFolder, tempReportDir } from './cli-process.ts';

/**
 * The published matrix as a person sees it: the real CLI's core run (the embedded provider runs for
 * real; openai and anthropic are unconfigured, LM Studio is unless one answers on :1234), its
 * matrix.html rendered by Debian's Chromium.
 * Only structure and protocol facts are asserted, never what the tiny model wrote.
 */
describe('matrix.html in headless Chromium', () => {
  const reportDir = tempReportDir();
  let runDir = '';
  let output = '';
  let exitCode: number | undefined;
  let results: ResultsDocument;
  let browser: Browser | undefined;
  let page: Page;
  let screenshot: Buffer;

  beforeAll(async () => {
    // Two cloud providers kept unconfigured whatever the caller's environment holds: nothing leaves the machine.
    const run = await runCli(['verify', '--suite', 'core', '--provider', 'embedded,openai,anthropic,lm_studio', '--report-dir', reportDir], { OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '' });
    exitCode = run.exitCode;
    output = run.all ?? '';
    runDir = runFolder(reportDir);
    results = readResults(runDir);
    browser = await launchChromium(inject('chromiumPath'));
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(join(runDir, 'matrix.html')).href);
    screenshot = await page.screenshot({ fullPage: true });
    writeFileSync(join(runDir, 'matrix.png'), screenshot);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const testedTargets = () =>
    [...new Set(results.cells.filter((cell) => cell.verdict !== 'skipped').map((cell) => `${cell.provider}/${cell.model}/${cell.protocol}`))];
  const unconfigured = () => {
    const tested = new Set(results.cells.filter((cell) => cell.verdict !== 'skipped').map((cell) => cell.provider));
    return [...new Set(results.cells.filter((cell) => !tested.has(cell.provider)).map((cell) => cell.provider))];
  };

  it('ran the embedded target for real and left the other providers unconfigured', () => {
    expect([0, 1], output).toContain(exitCode);
    expect(testedTargets()).toContain('embedded/smollm2-135m-instruct/embedded');
    expect(unconfigured()).toEqual(expect.arrayContaining(['openai', 'anthropic']));
    expect(results.cells.filter((cell) => cell.provider === 'openai').every((cell) => cell.verdict === 'skipped' && cell.message === 'no credentials: set OPENAI_API_KEY')).toBe(true);
  });

  it('renders a non-blank page: many colours, the verdict colours among them', () => {
    const colours = pngColours(screenshot);
    expect(colours.distinct).toBeGreaterThan(50);
    expect(colours.has([0xda, 0xfb, 0xe1]), 'the pass background (#dafbe1)').toBe(true);
    expect(colours.has([0x1a, 0x7f, 0x37]), 'the pass bar (#1a7f37)').toBe(true);
  });

  it('has one matrix row per tested target, columns grouped by suite, no row for unconfigured providers', async () => {
    const rows = page.locator('table.matrix tbody tr');
    expect(await rows.count()).toBe(testedTargets().length);
    const targets = await Promise.all((await rows.all()).map((row) => row.getAttribute('data-target')));
    expect(targets.sort()).toEqual(testedTargets().sort());
    expect(await page.locator('table.matrix thead tr.suites th[scope=colgroup]').allTextContents()).toEqual(['core']);
    const cells = results.cells.filter((cell) => cell.provider === 'embedded');
    expect(await page.locator('table.matrix tbody td button').count()).toBe(cells.length);
    expect(await page.locator('table.summary tbody tr').first().textContent()).toContain('embedded');
  });

  it('lists every unconfigured provider once, with what it needs', async () => {
    const list = page.locator('table.unconfigured tbody tr');
    expect(await list.count()).toBe(unconfigured().length);
    const openai = await list.filter({ has: page.locator('td:first-child', { hasText: /^openai$/ }) }).textContent();
    expect(openai).toContain('OPENAI_API_KEY');
  });

  it('shows each verdict in words (no emoji), and a cell\'s detail on click', async () => {
    // The page's own words; a message quoting the model may hold anything.
    for (const part of ['table.matrix', 'table.summary >> nth=0', '.legend']) {
      expect((await page.locator(part).textContent()) ?? '', part).not.toMatch(/\p{Extended_Pictographic}/u);
    }
    const healthCheck = results.cells.find((cell) => cell.provider === 'embedded' && cell.test === 'health_check');
    const cell = page.locator('table.matrix td[data-column="core.health_check"] button');
    expect((await cell.textContent())?.trim().startsWith(VERDICT_WORD[healthCheck?.verdict ?? 'error'])).toBe(true);
    await cell.click();
    const detail = page.locator('[popover]:popover-open');
    await detail.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await detail.locator('h3').textContent()).toBe('core.health_check');
    expect(await detail.textContent()).toContain(`verdict${healthCheck?.verdict}`);
  });

  it('the failing filter leaves exactly the targets with failing cells', async () => {
    await page.keyboard.press('Escape');
    await page.locator('#only-failing').check();
    const failingTargets = new Set(
      results.cells.filter((cell) => ['fail', 'error', 'flaky'].includes(cell.verdict)).map((cell) => `${cell.provider}/${cell.model}/${cell.protocol}`),
    );
    const visible = [];
    for (const row of await page.locator('table.matrix tbody tr').all()) if (await row.isVisible()) visible.push(await row.getAttribute('data-target'));
    expect(visible.sort()).toEqual([...failingTargets].sort());
    expect(readFileSync(join(runDir, 'matrix.summary.md'), 'utf8')).toMatch(/^### Compatibility matrix — run /);
  });
});
