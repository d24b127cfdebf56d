import { describe, expect, it } from 'vitest';
import { UsageError } from '../matrix/usage-error.ts';
import { FAILURE_LAYERS, failOnLayers, filtersFromArgs, newRunId, parseShard, repeatCount } from './run-args.ts';

describe('failOnLayers', () => {
  it('defaults to every layer, and "all" means every layer', () => {
    expect([...failOnLayers(undefined).layers]).toEqual([...FAILURE_LAYERS]);
    expect([...failOnLayers([]).layers]).toEqual([...FAILURE_LAYERS]);
    expect([...failOnLayers(['protocol,all']).layers]).toEqual([...FAILURE_LAYERS]);
    expect(failOnLayers(undefined).drift).toBe(false);
  });

  it('takes repeatable, comma-separated layers', () => {
    expect([...failOnLayers(['transport,protocol', 'protocol', 'infra']).layers]).toEqual(['transport', 'protocol', 'infra']);
  });

  it('drift is its own switch: alone it keeps every layer, with layers it adds to them', () => {
    expect(failOnLayers(['drift'])).toEqual({ layers: new Set(FAILURE_LAYERS), drift: true, stale: false, flaky: false });
    expect(failOnLayers(['protocol,drift'])).toEqual({ layers: new Set(['protocol']), drift: true, stale: false, flaky: false });
  });

  it('stale (baseline) and flaky (repeat) are switches like drift', () => {
    expect(failOnLayers(['stale,flaky'])).toEqual({ layers: new Set(FAILURE_LAYERS), drift: false, stale: true, flaky: true });
  });

  it('rejects an unknown layer with a UsageError listing the valid ones', () => {
    let thrown: unknown;
    try {
      failOnLayers(['model,parsr']);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toBe(`--fail-on: unknown value "parsr". Valid: all, ${FAILURE_LAYERS.join(', ')}, drift (with --probe), stale (with --baseline), flaky (with --repeat)`);
  });
});

describe('filtersFromArgs', () => {
  it('splits every list flag and maps singular flags to plural fields', () => {
    expect(
      filtersFromArgs({ suite: ['core,tools'], provider: ['llama_cpp'], model: ['a', 'b'], test: ['core.*'], tag: [' smoke , tools'], protocol: undefined }),
    ).toEqual({ suites: ['core', 'tools'], providers: ['llama_cpp'], models: ['a', 'b'], tests: ['core.*'], tags: ['smoke', 'tools'], protocols: [] });
  });

  it('gives empty lists with no flags', () => {
    expect(filtersFromArgs({})).toEqual({ suites: [], providers: [], models: [], tests: [], tags: [], protocols: [] });
  });
});

describe('newRunId', () => {
  it('is the ISO time, folder-safe', () => {
    expect(newRunId(new Date('2026-03-04T05:06:07.089Z'))).toBe('2026-03-04T05-06-07-089');
  });
});

describe('repeatCount and parseShard', () => {
  it('takes 1..100 runs, default 1', () => {
    expect(repeatCount(undefined)).toBe(1);
    expect(repeatCount(5)).toBe(5);
    for (const bad of [0, -1, 2.5, 101, Number.NaN, '3']) expect(() => repeatCount(bad)).toThrow(/--repeat takes a whole number of runs per cell from 1 to 100/);
  });

  it('takes i/n with 1 <= i <= n', () => {
    expect(parseShard(undefined)).toBeUndefined();
    expect(parseShard('1/2')).toEqual({ index: 1, count: 2 });
    expect(parseShard(' 3 / 3 ')).toEqual({ index: 3, count: 3 });
    for (const bad of ['0/2', '3/2', '1/0', '1', 'a/b', '1/2/3', '-1/2']) expect(() => parseShard(bad), bad).toThrow(/--shard takes i\/n with 1 <= i <= n, e.g. --shard 1\/2/);
  });
});
