import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResults, runCli, tempReportDir } from './cli-process.ts';

/**
 * --budget on a local provider with declared test prices (--prices): $1000 per million tokens,
 * i.e. a default cell (one request, ~200 prompt tokens, up to 128 output tokens) is estimated at
 * $0.328. With --budget 0.5 the first two model cells always start (their real usage is far below
 * their estimates), and temperature_zero_determinism (two requests, ~$0.656) can never start: the
 * run stops starting cells somewhere before it, whatever the model writes, and every later cell is
 * skipped "budget reached".
 */
const GREEDY = { LLAMA_ARG_TEMPERATURE: '0' };
const BUDGET = 0.5;

describe('verify --budget with test prices on llama_cpp --local', () => {
  const reportDir = tempReportDir();
  const prices = join(mkdtempSync(join(tmpdir(), 'prices-')), 'prices.json');
  let output = '';
  let exitCode: number | undefined;

  beforeAll(async () => {
    writeFileSync(prices, JSON.stringify({ 'llama_cpp/smollm2-135m-instruct': { input: 1000, output: 1000 } }));
    const result = await runCli(
      ['verify', '--local', 'llama_cpp', '--provider', 'llama_cpp', '--suite', 'core', '--protocol', 'openai-chat', '--prices', prices, '--budget', String(BUDGET), '--report-dir', reportDir],
      GREEDY,
    );
    output = result.all ?? '';
    exitCode = result.exitCode;
  });

  it('prints the estimate at the start and the cost at the end', () => {
    expect([0, 1], output).toContain(exitCode);
    expect(output).toMatch(/estimated cost of 12 cell\(s\) to run: at most \$\d+\.\d{4} \(--budget \$0\.5000\)/);
    expect(output).toMatch(/cost: \$0\.\d+ in total/);
  });

  it('stops starting cells at the budget: the rest are skipped "budget reached", spent stays within it', () => {
    const results = readResults(join(reportDir, 'latest'));
    const cells = [...results.cells].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
    expect(cells.map((cell) => cell.test).slice(0, 4), output).toEqual(['health_check', 'list_models', 'basic_chat', 'system_prompt']);
    const firstSkipped = cells.findIndex((cell) => cell.verdict === 'skipped');
    expect(firstSkipped).toBeGreaterThanOrEqual(4);
    expect(firstSkipped).toBeLessThanOrEqual(cells.findIndex((cell) => cell.test === 'temperature_zero_determinism'));
    const skipped = cells.slice(firstSkipped);
    expect(skipped.every((cell) => cell.verdict === 'skipped' && /^budget reached: spent \$[\d.]+ \+ in flight \$0 \+ this cell ~\$0\.\d+ would exceed --budget \$0\.5000/.test(cell.message ?? ''))).toBe(true);
    const ran = cells.slice(0, firstSkipped);
    for (const cell of ran.filter((entry) => !['health_check', 'list_models'].includes(entry.test))) {
      expect(cell.usage?.calls, cell.test).toBeGreaterThan(0);
      expect(cell.costUsd, cell.test).toBeCloseTo(((cell.usage?.input ?? 0) + (cell.usage?.output ?? 0)) * 0.001, 9);
    }
    const spent = ran.reduce((sum, cell) => sum + (cell.costUsd ?? 0), 0);
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(BUDGET);
    expect(results.totals.costUsd).toBeCloseTo(spent, 9);
    expect(results.totals.costByTarget['llama_cpp/smollm2-135m-instruct/openai-chat']).toBeCloseTo(spent, 9);
    expect(readFileSync(join(reportDir, 'latest', 'matrix.md'), 'utf8')).toMatch(/## Cost\n\n\| target \| cost \(USD\) \|[\s\S]*\| \*\*total\*\* \|/);
  });
});
