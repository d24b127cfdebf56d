import { describe, expect, it } from 'vitest';
import { UsageError } from '../matrix/usage-error.ts';
import { FAILURE_LAYERS, failOnLayers, filtersFromArgs, newRunId } from './run-args.ts';

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
    expect(failOnLayers(['drift'])).toEqual({ layers: new Set(FAILURE_LAYERS), drift: true });
    expect(failOnLayers(['protocol,drift'])).toEqual({ layers: new Set(['protocol']), drift: true });
  });

  it('rejects an unknown layer with a UsageError listing the valid ones', () => {
    let thrown: unknown;
    try {
      failOnLayers(['model,parsr']);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toBe(`--fail-on: unknown value "parsr". Valid: all, ${FAILURE_LAYERS.join(', ')}, drift (with --probe)`);
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
