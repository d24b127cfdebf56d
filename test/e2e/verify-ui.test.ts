import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execa, type ResultPromise } from 'execa';
import { launchChromium } from './browser.ts';
import { CLI, readResults, ROOT, runCli, runFolder, tempReportDir } from './cli-process.ts';

/** A port nobody listens on right now (the UI server takes the next one if it got taken meanwhile). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * `verify --ui`: the real CLI runs three embedded cells (protocol facts: health, listing, unknown
 * model) through vitest with @vitest/ui, prints the UI's URL, and keeps serving after the run;
 * Debian's Chromium loads the page and finds the run's tests; Ctrl-C (SIGINT) ends it with the
 * run's exit code.
 */
describe('verify --ui (the run in @vitest/ui)', () => {
  const reportDir = tempReportDir();
  const tests = ['health_check', 'list_models', 'invalid_model'];
  let child: ResultPromise;
  let port = 0;
  const lines: string[] = [];
  let url = '';
  let doneLine = '';
  let browser: Browser | undefined;

  beforeAll(async () => {
    port = await freePort();
    child = execa(process.execPath, [CLI, 'verify', '--suite', 'core', '--provider', 'embedded', '--test', tests.join(','), '--ui', '--ui-port', String(port), '--report-dir', reportDir], {
      cwd: ROOT,
      reject: false,
      stdin: 'ignore',
    });
    const stdout = child.stdout;
    if (!stdout) throw new Error('no stdout');
    await new Promise<void>((resolve, reject) => {
      const reader = createInterface({ input: stdout });
      reader.on('line', (line) => {
        lines.push(line);
        url ||= /^llm-verify: vitest UI at (\S+)$/.exec(line)?.[1] ?? '';
        if (line.includes('the run is done')) {
          doneLine = line;
          resolve();
        }
      });
      void child.then((result) => reject(new Error(`verify --ui exited (${result.exitCode}) before the run was done:\n${lines.join('\n')}\n${String(result.stderr)}`)));
    });
    browser = await launchChromium(inject('chromiumPath'));
  });

  afterAll(async () => {
    await browser?.close();
    child.kill('SIGKILL');
  });

  it('prints the UI URL on loopback before the first cell, and says it keeps serving after the run', () => {
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/__vitest__/\\?token=[\\w-]+$`));
    expect(lines.findIndex((line) => line.includes('vitest UI at'))).toBe(0);
    expect(doneLine).toMatch(/^llm-verify: the run is done \(exit code [01]\); vitest UI still at http:\/\/127\.0\.0\.1:\d+\/__vitest__\/\?token=[\w-]+ — press Ctrl-C to stop$/);
  });

  it('the UI page lists every test of the run, named by its cell, with the run\'s verdicts', async () => {
    const runDir = runFolder(reportDir);
    const cells = readResults(runDir).cells;
    expect(cells.map((cell) => cell.test).sort()).toEqual([...tests].sort());
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    for (const cell of cells) {
      const id = `${cell.provider}/${cell.model}/${cell.protocol}/${cell.suite}.${cell.test}`;
      await page.getByText(id, { exact: true }).first().waitFor({ state: 'visible', timeout: 60_000 });
    }
    const passes = cells.filter((cell) => cell.verdict === 'pass').length;
    const dashboard = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
    expect(dashboard).toContain(`${passes} Pass`);
    expect(dashboard).toContain(`${cells.length} Total`);
    await page.close();
  });

  it('Ctrl-C ends it with the run\'s exit code and closes the UI server', async () => {
    const code = Number(/exit code (\d)/.exec(doneLine)?.[1]);
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(code);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('--ui-port without --ui, or out of range, is a usage error (exit 2)', async () => {
    const alone = await runCli(['verify', '--ui-port', '5000', '--report-dir', reportDir]);
    expect(alone.exitCode).toBe(2);
    expect(alone.all).toContain('--ui-port needs --ui');
    const bad = await runCli(['verify', '--ui', '--ui-port', '70000', '--report-dir', reportDir]);
    expect(bad.exitCode).toBe(2);
    expect(bad.all).toContain('--ui-port takes one port number from 1 to 65535');
  });
});
