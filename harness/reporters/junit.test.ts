import { describe, expect, it } from 'vitest';
import { validateJunitXml } from '../testing/junit-schema.ts';
import type { CellResult } from '../verdicts/verdict.ts';
import { repeatStats } from '../verdicts/repeat-stats.ts';
import { buildJunitXml } from './junit.ts';

const cell = (overrides: Partial<CellResult>): CellResult => ({
  runId: 'run-1',
  suite: 'core',
  test: 'basic_chat',
  provider: 'llama_cpp',
  model: 'smol',
  protocol: 'openai-chat',
  verdict: 'pass',
  durationMs: 1500,
  startedAt: '2026-01-02T03:04:05.000Z',
  assertion: 'protocol',
  tags: [],
  ...overrides,
});

const results: CellResult[] = [
  cell({ test: 'basic_chat' }),
  cell({ test: 'wrong_answer', verdict: 'fail', layer: 'model', message: 'expected "4" in <answer> & got "5"' }),
  cell({ test: 'slow', verdict: 'error', kind: 'timeout', layer: 'transport', message: 'deadline passed' }),
  cell({ test: 'no_creds', verdict: 'skipped', message: 'no credentials: set X' }),
  cell({ test: 'seeded', verdict: 'unsupported', message: 'model declares no seed' }),
  cell({
    test: 'flappy',
    verdict: 'flaky',
    layer: 'model',
    repeat: {
      ...repeatStats(2, 3),
      attempts: [
        { verdict: 'pass', durationMs: 1 },
        { verdict: 'fail', layer: 'model', message: 'said 5', durationMs: 1 },
        { verdict: 'pass', durationMs: 1 },
      ],
    },
  }),
  cell({ protocol: 'anthropic-messages', test: 'basic_chat', verdict: 'fail', message: 'no layer' }),
];
const capabilities = new Map([['llama_cpp/smol', 'chat, tools, -vision']]);
const xml = buildJunitXml(results, { capabilities }, 'run-1');

const count = (pattern: RegExp) => (xml.match(pattern) ?? []).length;

describe('buildJunitXml', () => {
  it('writes one testsuite per provider/model/protocol with its properties', () => {
    expect(count(/<testsuite\s/g)).toBe(2);
    expect(xml).toMatch(/<testsuite name="llama_cpp\/smol\/openai-chat"[^>]*tests="6"/);
    expect(xml).toMatch(/<testsuite name="llama_cpp\/smol\/anthropic-messages"[^>]*tests="1"/);
    expect(xml).toContain('<property name="provider" value="llama_cpp"/>');
    expect(xml).toContain('<property name="model" value="smol"/>');
    expect(xml).toContain('<property name="protocol" value="openai-chat"/>');
    expect(xml).toContain('<property name="capabilities" value="chat, tools, -vision"/>');
    expect(xml).toContain('name="llm-verify run-1"');
  });

  it('names test cases test [protocol] with classname suite.provider.model and seconds', () => {
    expect(xml).toContain('<testcase classname="core.llama_cpp.smol" name="basic_chat [openai-chat]" time="1.5"');
  });

  it('writes fail as <failure> typed by layer, error as <error> typed by kind, escaped', () => {
    expect(xml).toContain('<failure message="[model] expected &quot;4&quot; in &lt;answer> &amp; got &quot;5&quot;" type="model"/>');
    expect(xml).toContain('<error message="deadline passed" type="timeout"/>');
    expect(xml).toContain('<failure message="[unknown] no layer" type="unknown"/>');
  });

  it('writes skipped and unsupported as <skipped message=…>', () => {
    expect(xml).toContain('<skipped message="skipped: no credentials: set X"/>');
    expect(xml).toContain('<skipped message="unsupported: model declares no seed"/>');
    expect(xml).toMatch(/<testsuite name="llama_cpp\/smol\/openai-chat"[^>]*skipped="2"/);
  });

  it('writes flaky as a passing case with a <flakyFailure> per failed run and the statistics in system-out', () => {
    expect(xml).toContain('flaky: 2/3 pass (67%, 95% CI 21%–94%); pass^k (k=1..3): 0.6667, 0.3333, 0');
    expect(xml).toContain('<flakyFailure type="model" message="[model] said 5"/>');
    expect(xml).not.toContain('<failure message="[flaky]');
    const failing = buildJunitXml(results, { capabilities, flakyAs: 'fail' }, 'run-1');
    expect(failing).toContain('<failure message="[flaky]');
  });

  it('writes a known failure of the baseline as skipped (xfail), a new one as a failure saying so', async () => {
    const marked = buildJunitXml(
      [
        cell({ test: 'known', verdict: 'fail', layer: 'model', message: 'said 5', baseline: { status: 'known', reason: 'tiny model' } }),
        cell({ test: 'fresh', verdict: 'fail', layer: 'protocol', message: 'bad id', baseline: { status: 'new', expected: { verdict: 'fail', layer: 'model' } } }),
        cell({ test: 'stale', baseline: { status: 'stale' } }),
      ],
      { capabilities },
      'r',
    );
    expect(marked).toContain('<skipped message="known failure (baseline): fail [model] said 5" type="llm-verify.baseline"/>');
    expect(marked).toContain('known failure (baseline): tiny model');
    expect(marked).toContain('<failure message="[protocol] bad id" type="protocol"/>');
    expect(marked).toContain('new failure: the baseline expects fail [model]');
    expect(marked).toContain('stale baseline entry');
    expect((await validateJunitXml(marked)).errors).toEqual([]);
  });

  it('has no skipped attribute on <testsuites>', () => {
    const root = xml.match(/<testsuites\b[^>]*>/)?.[0] ?? '';
    expect(root).toContain('tests="7"');
    expect(root).not.toContain('skipped=');
  });

  it('falls back to "unknown" capabilities for a target without an entry', () => {
    const other = buildJunitXml([cell({ model: 'other' })], { capabilities }, 'r');
    expect(other).toContain('<property name="capabilities" value="unknown"/>');
  });

  it('validates against the JUnit 10 schema (libxml2 via xmllint-wasm)', async () => {
    const verdict = await validateJunitXml(xml);
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);
  });

  it('the schema validation rejects an invalid document, naming what is wrong', async () => {
    const broken = xml.replace(/<testsuite name="[^"]*"/, '<testsuite').replace('</testsuites>', '<bogus/></testsuites>');
    const verdict = await validateJunitXml(broken);
    expect(verdict.valid).toBe(false);
    expect(verdict.errors.join('\n')).toMatch(/Element 'testsuite': The attribute 'name' is required but missing/);
    expect(verdict.errors.join('\n')).toMatch(/Element 'bogus': This element is not expected/);
  });
});
