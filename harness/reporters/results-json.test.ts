import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CellResult } from '../verdicts/verdict.ts';
import { RESULTS_SCHEMA_VERSION, buildResultsDocument, writeResultsJson } from './results-json.ts';
import type { RunMetadata } from './run-metadata.ts';

const cell = (verdict: CellResult['verdict'], layer?: CellResult['layer']): CellResult => ({
  runId: 'r',
  suite: 's',
  test: `t-${verdict}-${layer ?? ''}`,
  provider: 'p',
  model: 'm',
  protocol: 'openai-chat',
  verdict,
  layer,
  durationMs: 1,
  startedAt: '2026-01-01T00:00:00.000Z',
  assertion: 'model',
  tags: [],
});

const run: RunMetadata = {
  runId: 'r',
  harnessVersion: '0.1.0',
  nodeVersion: 'v24',
  platform: 'linux',
  startedAt: '2026-01-01T00:00:00.000Z',
  argv: ['verify'],
  filters: { suites: ['core'] },
  endpointVersions: {},
  notLiveVerified: {},
  complete: true,
};

const cells = [cell('pass'), cell('pass'), cell('fail', 'model'), cell('fail', 'model'), cell('fail', 'protocol'), cell('fail'), cell('error', 'transport'), cell('skipped'), cell('unsupported')];

describe('buildResultsDocument', () => {
  it('has schemaVersion 1, the run, totals by verdict and failures by layer', () => {
    const document = buildResultsDocument(run, cells);
    expect(RESULTS_SCHEMA_VERSION).toBe(1);
    expect(document.schemaVersion).toBe(1);
    expect(document.run).toBe(run);
    expect(document.totals).toEqual({
      cells: 9,
      pass: 2,
      fail: 4,
      unsupported: 1,
      skipped: 1,
      error: 1,
      flaky: 0,
      failuresByLayer: { model: 2, protocol: 1, unknown: 1 },
      costUsd: 0,
      costByTarget: {},
      unpricedTargets: [],
    });
    expect(document.cells).toBe(cells);
  });

  it('has zero totals and no layers for an empty run', () => {
    expect(buildResultsDocument(run, []).totals).toEqual({ cells: 0, pass: 0, fail: 0, unsupported: 0, skipped: 0, error: 0, flaky: 0, failuresByLayer: {}, costUsd: 0, costByTarget: {}, unpricedTargets: [] });
  });
});

describe('writeResultsJson', () => {
  it('writes pretty JSON with a trailing newline that reads back equal', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'results-json-')), 'results.json');
    const document = buildResultsDocument(run, cells.slice(0, 2));
    writeResultsJson(path, document);
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "schemaVersion": 1,\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(document);
  });
});
