import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../matrix/usage-error.ts';
import type { CellResult } from '../verdicts/verdict.ts';
import { applyBaseline, baselineTotals, uncheckedEntries } from './apply-baseline.ts';
import { readBaseline, writeBaseline, type BaselineFile } from './baseline-file.ts';
import { updateBaseline } from './update-baseline.ts';

const cell = (test: string, verdict: CellResult['verdict'], layer?: CellResult['layer'], message?: string): CellResult => ({
  runId: 'r',
  suite: 'core',
  test,
  provider: 'llama_cpp',
  model: 'smol',
  protocol: 'openai-chat',
  verdict,
  ...(layer ? { layer } : {}),
  ...(message ? { message } : {}),
  durationMs: 1,
  startedAt: '2026-01-01T00:00:00.000Z',
  assertion: 'protocol',
  tags: [],
});
const id = (test: string) => `llama_cpp/smol/openai-chat/core.${test}`;

const baseline: BaselineFile = {
  schemaVersion: 1,
  expectedFailures: {
    [id('invalid_model')]: { layer: 'protocol', reason: 'llama-server answers any model name' },
    [id('max_tokens')]: { verdict: 'fail', layer: 'protocol' },
    [id('basic_chat')]: { reason: 'tiny model' },
    [id('health_check')]: {},
    [id('seeded')]: {},
    ['other/m/openai-chat/core.basic_chat']: {},
  },
};

describe('applyBaseline', () => {
  const cells = [
    cell('invalid_model', 'fail', 'protocol'),
    cell('max_tokens', 'fail', 'model'),
    cell('basic_chat', 'error', 'transport'),
    cell('health_check', 'pass'),
    cell('usage_accounting', 'fail', 'protocol'),
    cell('list_models', 'pass'),
    cell('seeded', 'unsupported'),
  ];
  const marked = applyBaseline(cells, baseline);
  const mark = (test: string) => marked.find((entry) => entry.test === test)?.baseline;

  it('a failure the baseline expects is known, with its reason', () => {
    expect(mark('invalid_model')).toEqual({ status: 'known', reason: 'llama-server answers any model name' });
    expect(mark('basic_chat')).toEqual({ status: 'known', reason: 'tiny model' });
  });

  it('a failure in another layer than the baseline says is new, naming what was expected', () => {
    expect(mark('max_tokens')).toEqual({ status: 'new', expected: { verdict: 'fail', layer: 'protocol' } });
  });

  it('a failure not in the baseline is new; a baselined cell that passed is stale; unchecked cells get no mark', () => {
    expect(mark('usage_accounting')).toEqual({ status: 'new' });
    expect(mark('health_check')).toEqual({ status: 'stale' });
    expect(mark('list_models')).toBeUndefined();
    expect(mark('seeded')).toBeUndefined();
    expect(baselineTotals(marked)).toEqual({ known: 2, new: 2, stale: 1 });
    expect(uncheckedEntries(cells, baseline)).toEqual([id('seeded'), 'other/m/openai-chat/core.basic_chat']);
  });

  it('leaves the journal cells untouched', () => {
    expect(cells.some((entry) => entry.baseline)).toBe(false);
  });
});

describe('updateBaseline', () => {
  it('expects exactly this run\'s failures, keeping reasons, matching entries and entries of cells not run', () => {
    const update = updateBaseline(baseline, [
      cell('invalid_model', 'fail', 'protocol'),
      cell('max_tokens', 'fail', 'model', 'cut at 12 tokens\nmore'),
      cell('health_check', 'pass'),
      cell('usage_accounting', 'fail', 'protocol', 'input + output != total'),
    ]);
    expect(update.added).toEqual([id('usage_accounting')]);
    expect(update.changed).toEqual([id('max_tokens')]);
    expect(update.removed).toEqual([id('health_check')]);
    expect(update.baseline.expectedFailures[id('usage_accounting')]).toEqual({ verdict: 'fail', layer: 'protocol', reason: 'input + output != total' });
    expect(update.baseline.expectedFailures[id('max_tokens')]).toEqual({ verdict: 'fail', layer: 'model', reason: 'cut at 12 tokens' });
    expect(update.baseline.expectedFailures[id('invalid_model')]).toEqual(baseline.expectedFailures[id('invalid_model')]);
    expect(update.baseline.expectedFailures[id('seeded')]).toEqual({});
    expect(applyBaseline([cell('usage_accounting', 'fail', 'protocol')], update.baseline)[0]?.baseline?.status).toBe('known');
  });
});

describe('a sampled entry (a cell whose answer is sampled passes some runs)', () => {
  const sampled: BaselineFile = { schemaVersion: 1, expectedFailures: { [id('system_prompt')]: { layer: 'model', reason: 'sampled answer', sampled: true } } };

  it('a pass is a plain pass (not stale), a failure in its layer known, in another layer new', () => {
    expect(applyBaseline([cell('system_prompt', 'pass')], sampled)[0]?.baseline).toBeUndefined();
    expect(applyBaseline([cell('system_prompt', 'fail', 'model')], sampled)[0]?.baseline).toEqual({ status: 'known', reason: 'sampled answer' });
    expect(applyBaseline([cell('system_prompt', 'fail', 'protocol')], sampled)[0]?.baseline?.status).toBe('new');
  });

  it('--update-baseline keeps it when the cell passed, and keeps the flag when the failure changed', () => {
    const afterPass = updateBaseline(sampled, [cell('system_prompt', 'pass')]);
    expect(afterPass.removed).toEqual([]);
    expect(afterPass.baseline.expectedFailures[id('system_prompt')]).toEqual(sampled.expectedFailures[id('system_prompt')]);
    const afterChange = updateBaseline(sampled, [cell('system_prompt', 'fail', 'protocol', 'no finish')]);
    expect(afterChange.baseline.expectedFailures[id('system_prompt')]).toEqual({ verdict: 'fail', layer: 'protocol', reason: 'sampled answer', sampled: true });
  });

  it('--update-baseline from a --repeat run writes a flaky cell as sampled, with the layer of its failing runs', () => {
    const update = updateBaseline({ schemaVersion: 1, expectedFailures: {} }, [cell('multi_turn', 'flaky', 'model', 'the name is not recalled')]);
    expect(update.added).toEqual([id('multi_turn')]);
    expect(update.baseline.expectedFailures[id('multi_turn')]).toEqual({ layer: 'model', reason: 'flaky: the name is not recalled', sampled: true });
    expect(applyBaseline([cell('multi_turn', 'pass')], update.baseline)[0]?.baseline).toBeUndefined();
    expect(applyBaseline([cell('multi_turn', 'fail', 'model')], update.baseline)[0]?.baseline?.status).toBe('known');
    expect(updateBaseline(update.baseline, [cell('multi_turn', 'flaky', 'model', 'again')]).changed).toEqual([]);
  });
});

describe('baseline file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'llm-verify-baseline-'));

  it('round-trips with sorted keys', () => {
    const path = join(dir, 'ok.json');
    writeBaseline(path, baseline);
    expect(readBaseline(path)).toEqual({ schemaVersion: 1, expectedFailures: Object.fromEntries(Object.entries(baseline.expectedFailures).sort()) });
    expect(readFileSync(path, 'utf8').indexOf(id('basic_chat'))).toBeLessThan(readFileSync(path, 'utf8').indexOf(id('seeded')));
  });

  it('rejects a missing file, bad JSON and a wrong shape with usage errors that say how to fix them', () => {
    expect(() => readBaseline(join(dir, 'nope.json'))).toThrow(/no such file\. Create it from a run with --update-baseline/);
    writeFileSync(join(dir, 'bad.json'), '{ nope');
    expect(() => readBaseline(join(dir, 'bad.json'))).toThrow(/not valid JSON/);
    writeFileSync(join(dir, 'shape.json'), JSON.stringify({ schemaVersion: 1, expectedFailures: { 'core.basic_chat': { layer: 'modle' } } }));
    let thrown: unknown;
    try {
      readBaseline(join(dir, 'shape.json'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toMatch(/must match pattern/);
    expect((thrown as Error).message).toMatch(/must be equal to one of the allowed values \(transport, protocol, parser, model, infra, harness\)/);
    expect((thrown as Error).message).toMatch(/Keys are cell ids provider\/model\/protocol\/suite\.test/);
  });
});
