import { describe, expect, it } from 'vitest';
import { buildResultsDocument } from '../reporters/results-json.ts';
import type { StoredRun } from '../reporters/read-run.ts';
import type { RunMetadata } from '../reporters/run-metadata.ts';
import type { CellResult } from '../verdicts/verdict.ts';
import { mergedCells, mergedMetadata, missingShards } from './merge.ts';

const cell = (provider: string, test: string): CellResult => ({
  runId: 'r',
  suite: 'core',
  test,
  provider,
  model: 'm',
  protocol: 'openai-chat',
  verdict: 'pass',
  durationMs: 1,
  startedAt: '2026-01-01T00:00:00.000Z',
  assertion: 'protocol',
  tags: [],
});

const stored = (dir: string, cells: CellResult[], extra: Partial<RunMetadata>): StoredRun => ({
  dir,
  document: buildResultsDocument(
    {
      runId: dir,
      harnessVersion: '0.1.0',
      nodeVersion: 'v24',
      platform: 'linux-x64',
      startedAt: '2026-01-01T00:00:00.000Z',
      argv: [],
      filters: {},
      endpointVersions: {},
      notLiveVerified: {},
      complete: true,
      ...extra,
    },
    cells,
  ),
});

const one = stored('shard-1', [cell('llama_cpp', 'a')], {
  shard: { index: 1, count: 2 },
  startedAt: '2026-01-01T00:00:05.000Z',
  finishedAt: '2026-01-01T00:01:00.000Z',
  endpointVersions: { llama_cpp: 'b1' },
  baseline: { file: 'b.json', entries: 3, unchecked: ['x', 'y'] },
  capabilities: { 'llama_cpp/m': 'chat' },
  modelDigests: { 'llama_cpp/m': 'sha256:aa' },
});
const two = stored('shard-2', [cell('llama_cpp', 'b')], {
  shard: { index: 2, count: 2 },
  finishedAt: '2026-01-01T00:02:00.000Z',
  endpointVersions: { ollama: 'o1' },
  baseline: { file: 'b.json', entries: 3, unchecked: ['y', 'z'] },
});

describe('merge', () => {
  it('unites cells, versions, capabilities; times span every run; an entry is unchecked only if no run checked it', () => {
    expect(mergedCells([one, two]).map((entry) => entry.test)).toEqual(['a', 'b']);
    const meta = mergedMetadata([one, two], ['merge'], 'merged-1');
    expect(meta).toMatchObject({
      runId: 'merged-1',
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:02:00.000Z',
      endpointVersions: { llama_cpp: 'b1', ollama: 'o1' },
      capabilities: { 'llama_cpp/m': 'chat' },
      modelDigests: { 'llama_cpp/m': 'sha256:aa' },
      complete: true,
      baseline: { file: 'b.json', entries: 3, unchecked: ['y'] },
      mergedFrom: [
        { runId: 'shard-1', dir: 'shard-1', shard: { index: 1, count: 2 } },
        { runId: 'shard-2', dir: 'shard-2', shard: { index: 2, count: 2 } },
      ],
    });
  });

  it('names missing shards and marks the merged run incomplete', () => {
    expect(missingShards([one])).toEqual(['2/2']);
    expect(mergedMetadata([one], [], 'm').complete).toBe(false);
  });

  it('refuses a cell that is in two runs', () => {
    expect(() => mergedCells([one, stored('again', [cell('llama_cpp', 'a')], {})])).toThrow(
      'merge: cell llama_cpp/m/openai-chat/core.a is in both shard-1 and again: merge disjoint runs (the shards of one split, or runs of different providers)',
    );
  });
});
