import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLlamaServer, type RunningServer } from '../../harness/endpoints/llama-server-launcher.ts';
import { runSetupScript } from '../../harness/endpoints/setup-scripts.ts';
import { inferenceThreads } from '../../harness/endpoints/thread-count.ts';
import type { BaselineFile } from '../../harness/baseline/baseline-file.ts';
import type { RunDiff } from '../../harness/reporters/run-diff.ts';
import { startFaultProxy, type FaultProxy } from '../../harness/testing/fault-proxy/fault-proxy.ts';
import type { CellResult } from '../../harness/verdicts/verdict.ts';
import { readResults, ROOT, runCli, runFolder, tempReportDir, validateJunit } from './cli-process.ts';

/**
 * The nightly job's features on real run folders: the real CLI against a real llama-server and the
 * embedded model, with the checked-in llm-verify.baseline.json. Only cells whose verdicts are
 * protocol facts (health_check, invalid_model: llama-server de3ff81 answers any model name), so
 * nothing rides on what the 135M model writes; the flaky cell is made deterministic by the fault
 * proxy (every second answer empty).
 */
const BASELINE = join(ROOT, 'llm-verify.baseline.json');
const TESTS = 'health_check,invalid_model';
const NIGHTLY = ['verify', '--suite', 'core', '--provider', 'llama_cpp,embedded', '--test', TESTS];
const GREEDY = { LLAMA_ARG_TEMPERATURE: '0' };
const CHAT = 'llama_cpp/smollm2-135m-instruct/openai-chat';

const byId = (cells: CellResult[]) => new Map(cells.map((cell) => [`${cell.provider}/${cell.model}/${cell.protocol}/${cell.suite}.${cell.test}`, cell]));

describe('nightly-style runs: --baseline, a new failure, diff, --shard and merge, --repeat, --update-baseline', () => {
  let server: RunningServer | undefined;
  const proxies: FaultProxy[] = [];
  let nightly = { dir: '', exitCode: undefined as number | undefined, output: '' };
  let broken = { dir: '', exitCode: undefined as number | undefined, output: '' };

  beforeAll(async () => {
    const [binary, modelPath] = await Promise.all([runSetupScript('llama-server.sh'), runSetupScript('model.sh')]);
    server = await startLlamaServer({ binary, modelPath, alias: 'smollm2-135m-instruct', threads: inferenceThreads(), logFile: join(tmpdir(), `llm-verify-nightly-${process.pid}.log`) });
    // The nightly job's command (--local llama_cpp starts its own llama-server), with the checked-in baseline.
    const reportDir = tempReportDir();
    const result = await runCli([...NIGHTLY, '--local', 'llama_cpp', '--baseline', BASELINE, '--report-dir', reportDir], GREEDY);
    nightly = { dir: runFolder(reportDir), exitCode: result.exitCode, output: result.all ?? '' };
    // One injected new failure: llama-server's /health answers 500 behind the fault proxy.
    const proxy = await startFaultProxy({ upstream: server.baseUrl, fault: 'health-500' });
    proxies.push(proxy);
    const brokenDir = tempReportDir();
    const second = await runCli([...NIGHTLY, '--baseline', BASELINE, '--report-dir', brokenDir], { ...GREEDY, LLAMA_CPP_BASE_URL: proxy.url });
    broken = { dir: runFolder(brokenDir), exitCode: second.exitCode, output: second.all ?? '' };
  });

  afterAll(async () => {
    await Promise.allSettled(proxies.map((proxy) => proxy.stop()));
    await server?.stop();
  });

  it('exits 0 with known failures: every failure is in the checked-in baseline', () => {
    expect(nightly.exitCode, nightly.output).toBe(0);
    const results = readResults(nightly.dir);
    expect(results.cells).toHaveLength(8);
    const failing = results.cells.filter((cell) => cell.verdict === 'fail' || cell.verdict === 'error');
    expect(failing.map((cell) => `${cell.protocol} ${cell.test} ${cell.layer}`).sort()).toEqual([
      'anthropic-messages invalid_model protocol',
      'openai-chat invalid_model protocol',
      'openai-responses invalid_model protocol',
    ]);
    for (const cell of failing) expect(cell.baseline?.status, cell.test).toBe('known');
    expect(results.totals.baseline).toEqual({ known: 3, new: 0, stale: 0 });
    expect(results.run.baseline?.file).toBe(BASELINE);
    expect(results.run.modelDigests?.['llama_cpp/smollm2-135m-instruct']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(nightly.output).toMatch(/baseline \S*llm-verify\.baseline\.json: 3 known failure\(s\), 0 new failure\(s\), 0 stale entries; \d+ of \d+ entries not checked by this run/);
  });

  it('shows baselined cells distinctly in JUnit (skipped as an expected failure), the matrix and the compact summary', async () => {
    const junit = readFileSync(join(nightly.dir, 'junit.xml'), 'utf8');
    expect(junit.match(/type="llm-verify.baseline"/g)).toHaveLength(3);
    expect(junit).not.toContain('<failure ');
    expect((await validateJunit(join(nightly.dir, 'junit.xml'))).errors).toEqual([]);
    expect(readFileSync(join(nightly.dir, 'matrix.md'), 'utf8')).toContain('❌ protocol known');
    expect(readFileSync(join(nightly.dir, 'matrix.html'), 'utf8').match(/<small>known<\/small>/g)).toHaveLength(3);
    const summary = readFileSync(join(nightly.dir, 'matrix.summary.md'), 'utf8');
    expect(summary).toContain('3 known (baselined)');
    expect(summary).toContain(`\`${CHAT}\` **core.invalid_model** — fail (protocol), known`);
  });

  it('exits 1 after one injected new failure, naming it', () => {
    expect(broken.exitCode, broken.output).toBe(1);
    const cells = readResults(broken.dir).cells;
    const fresh = cells.filter((cell) => cell.baseline?.status === 'new');
    expect(fresh.map((cell) => `${cell.protocol} ${cell.test} ${cell.verdict} ${cell.layer}`).sort()).toEqual([
      'anthropic-messages health_check fail infra',
      'openai-chat health_check fail infra',
      'openai-responses health_check fail infra',
    ]);
    expect(cells.filter((cell) => cell.baseline?.status === 'known')).toHaveLength(3);
    expect(broken.output).toContain(`NEW    ${CHAT}/core.health_check — fail [infra]`);
    expect(readFileSync(join(broken.dir, 'junit.xml'), 'utf8')).toContain('new failure (not in the baseline)');
  });

  it('diff: the real runs, Markdown and JSON, exit 1 on newly failing', async () => {
    const md = await runCli(['diff', nightly.dir, broken.dir]);
    expect(md.exitCode, md.all).toBe(1);
    expect(md.stdout).toContain('**3 newly failing, 0 newly passing, 0 changed layer, 0 other verdict changes, 0 new cells, 0 removed cells, 5 unchanged**');
    expect(md.stdout).toContain(`| \`${CHAT}/core.health_check\` | pass | fail [infra] (baseline: new): `);
    expect(md.stderr).toContain('llm-verify diff: 3 newly failing');
    const json = await runCli(['diff', join(nightly.dir, 'results.json'), broken.dir, '--format', 'json']);
    const diff = JSON.parse(json.stdout) as RunDiff;
    expect(diff.newlyFailing.map((change) => change.id).sort()).toEqual([
      'llama_cpp/smollm2-135m-instruct/anthropic-messages/core.health_check',
      `${CHAT}/core.health_check`,
      'llama_cpp/smollm2-135m-instruct/openai-responses/core.health_check',
    ]);
    expect(diff.modelDigests).toEqual([{ key: 'llama_cpp/smollm2-135m-instruct', a: readResults(nightly.dir).run.modelDigests?.['llama_cpp/smollm2-135m-instruct'] }]);
    const back = await runCli(['diff', broken.dir, nightly.dir]);
    expect(back.exitCode, back.all).toBe(0);
    expect(back.stdout).toContain('## Newly passing (3)');
  });

  it('--shard 1/2 and 2/2 split the cells; merge rebuilds one run with every report, equal to the unsharded run', async () => {
    const env = { ...GREEDY, LLAMA_CPP_BASE_URL: server?.baseUrl ?? '' };
    const shards = [tempReportDir(), tempReportDir()];
    const results = await Promise.all(shards.map((dir, index) => runCli([...NIGHTLY, '--baseline', BASELINE, '--shard', `${index + 1}/2`, '--report-dir', dir], env)));
    for (const result of results) expect(result.exitCode, result.all).toBe(0);
    const parts = shards.map((dir) => readResults(runFolder(dir)));
    expect(parts.map((part) => part.cells.length)).toEqual([4, 4]);
    expect(parts.map((part) => part.run.shard)).toEqual([{ index: 1, count: 2 }, { index: 2, count: 2 }]);
    const out = join(tempReportDir(), 'merged');
    const merge = await runCli(['merge', ...shards.map(runFolder), '--out', out]);
    expect(merge.exitCode, merge.all).toBe(0);
    expect(merge.stdout).toContain('merged 2 run(s), 8 cells');
    for (const file of ['results.json', 'results.jsonl', 'junit.xml', 'matrix.json', 'matrix.md', 'matrix.html', 'matrix.summary.md']) expect(existsSync(join(out, file)), file).toBe(true);
    const merged = readResults(out);
    const unsharded = byId(readResults(nightly.dir).cells);
    expect([...byId(merged.cells).keys()].sort()).toEqual([...unsharded.keys()].sort());
    for (const [id, cell] of byId(merged.cells)) expect(`${id} ${cell.verdict} ${cell.layer ?? ''}`).toBe(`${id} ${unsharded.get(id)?.verdict} ${unsharded.get(id)?.layer ?? ''}`);
    expect(merged.totals.baseline).toEqual({ known: 3, new: 0, stale: 0 });
    expect(merged.run.mergedFrom?.map((entry) => entry.shard?.index)).toEqual([1, 2]);
    expect(merged.run.complete).toBe(true);
    expect((await validateJunit(join(out, 'junit.xml'))).errors).toEqual([]);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8').match(/<testcase /g)).toHaveLength(8);
    const same = await runCli(['diff', nightly.dir, out]);
    expect(same.exitCode, same.all).toBe(0);
    expect(same.stdout).toContain('0 newly failing, 0 newly passing, 0 changed layer, 0 other verdict changes, 0 new cells, 0 removed cells, 8 unchanged');
    // A shard alone merges, marked incomplete; a cell in two runs and a foreign schema version are refused.
    const alone = await runCli(['merge', runFolder(shards[0] ?? ''), '--out', join(tempReportDir(), 'alone')]);
    expect(alone.stderr).toContain('merge: shard 2/2 is missing: the merged run is marked incomplete');
    const twice = await runCli(['merge', runFolder(shards[0] ?? ''), nightly.dir, '--out', join(tempReportDir(), 'twice')]);
    expect(twice.exitCode).toBe(2);
    expect(twice.stderr).toMatch(/merge: cell .* is in both .* merge disjoint runs/);
    const future = join(tempReportDir(), 'future');
    mkdirSync(future);
    writeFileSync(join(future, 'results.json'), JSON.stringify({ ...readResults(nightly.dir), schemaVersion: 2 }));
    const refused = await runCli(['merge', runFolder(shards[0] ?? ''), future, '--out', join(tempReportDir(), 'refused')]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/has results schema version 2; this llm-verify \(.*\) reads version 1\. Use runs written by the same llm-verify version/);
  });

  it('--repeat 4 against an endpoint that breaks every second answer: flaky 2/4 with pass rate, pass^k and the Wilson interval in every report', async () => {
    const proxy = await startFaultProxy({ upstream: server?.baseUrl ?? '', fault: 'empty-content-alternate' });
    proxies.push(proxy);
    const reportDir = tempReportDir();
    const result = await runCli(['verify', '--provider', 'llama_cpp', '--protocol', 'openai-chat', '--test', 'basic_chat', '--repeat', '4', '--report-dir', reportDir], { ...GREEDY, LLAMA_CPP_BASE_URL: proxy.url });
    expect(result.exitCode, result.all).toBe(0);
    const dir = runFolder(reportDir);
    const [cell] = readResults(dir).cells;
    expect(cell?.verdict).toBe('flaky');
    expect(cell?.layer).toBe('model');
    expect(cell?.repeat).toMatchObject({ runs: 4, passes: 2, passRate: 0.5, passHatK: [0.5, 0.1667, 0, 0], wilson95: { low: 0.15, high: 0.85 } });
    expect(cell?.repeat?.attempts.map((attempt) => attempt.verdict)).toEqual(['pass', 'fail', 'pass', 'fail']);
    expect(result.all).toContain('FLAKY llama_cpp/smollm2-135m-instruct/openai-chat core.basic_chat');
    expect(result.all).toContain('(2/4 runs passed)');
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(junit.match(/<flakyFailure type="model"/g)).toHaveLength(2);
    expect(junit).toContain('flaky: 2/4 pass (50%, 95% CI 15%–85%); pass^k (k=1..4): 0.5, 0.1667, 0, 0');
    expect((await validateJunit(join(dir, 'junit.xml'))).errors).toEqual([]);
    expect(readFileSync(join(dir, 'matrix.md'), 'utf8')).toContain('🔁 2/4');
    expect(readFileSync(join(dir, 'matrix.summary.md'), 'utf8')).toContain('**core.basic_chat** — flaky (2/4)');
    const strict = await runCli(['verify', '--provider', 'llama_cpp', '--protocol', 'openai-chat', '--test', 'basic_chat', '--repeat', '2', '--fail-on', 'flaky', '--report-dir', tempReportDir()], { ...GREEDY, LLAMA_CPP_BASE_URL: proxy.url });
    expect(strict.exitCode, strict.all).toBe(1);
    expect(strict.all).toContain('1 flaky cell(s) (--fail-on flaky)');
  });

  it('a stale entry is reported (exit 0), fails the run with --fail-on stale; --update-baseline rewrites the file to expect exactly the failures', async () => {
    const dir = tempReportDir();
    const file = join(dir, 'baseline.json');
    const original = JSON.parse(readFileSync(BASELINE, 'utf8')) as BaselineFile;
    const withStale: BaselineFile = { ...original, expectedFailures: { ...original.expectedFailures, [`${CHAT}/core.health_check`]: { reason: 'stale on purpose' } } };
    writeFileSync(file, JSON.stringify(withStale));
    const args = ['verify', '--provider', 'llama_cpp', '--protocol', 'openai-chat', '--test', TESTS, '--baseline', file, '--report-dir', dir];
    const env = { ...GREEDY, LLAMA_CPP_BASE_URL: server?.baseUrl ?? '' };
    const reported = await runCli(args, env);
    expect(reported.exitCode, reported.all).toBe(0);
    expect(reported.all).toContain(`STALE  ${CHAT}/core.health_check passed: remove it from the baseline (--update-baseline)`);
    expect(reported.all).toMatch(/1 known failure\(s\), 0 new failure\(s\), 1 stale entry/);
    const strict = await runCli([...args, '--fail-on', 'stale'], env);
    expect(strict.exitCode, strict.all).toBe(1);
    expect(strict.all).toContain('llm-verify: 1 stale baseline entry: the cells pass now (--fail-on stale)');
    // Now also missing a known failure: --update-baseline adds it and drops the stale entry.
    const { [`${CHAT}/core.invalid_model`]: _dropped, ...rest } = withStale.expectedFailures;
    writeFileSync(file, JSON.stringify({ ...withStale, expectedFailures: rest }));
    const update = await runCli([...args, '--update-baseline'], env);
    expect(update.exitCode, update.all).toBe(0);
    expect(update.all).toContain('baseline rewritten (--update-baseline): 1 added, 0 changed, 1 removed');
    const rewritten = JSON.parse(readFileSync(file, 'utf8')) as BaselineFile;
    expect(rewritten.expectedFailures[`${CHAT}/core.health_check`]).toBeUndefined();
    expect(rewritten.expectedFailures[`${CHAT}/core.invalid_model`]).toMatchObject({ verdict: 'fail', layer: 'protocol' });
    // Entries of cells this run did not check are kept: the rewritten file is the checked-in one.
    expect(Object.keys(rewritten.expectedFailures).sort()).toEqual(Object.keys(original.expectedFailures).sort());
  });
});
