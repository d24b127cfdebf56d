import type { FailureLayer } from '../contract/verify-error.ts';
import { splitList, type CellFilters } from '../matrix/filters.ts';
import { UsageError } from '../matrix/usage-error.ts';

export const FAILURE_LAYERS: readonly FailureLayer[] = ['transport', 'protocol', 'parser', 'model', 'infra'];

/** The flags shared by `verify` and `list`, as yargs hands them over. */
export interface FilterArgs {
  suite?: string[];
  provider?: string[];
  model?: string[];
  test?: string[];
  tag?: string[];
  protocol?: string[];
}

export function filtersFromArgs(args: FilterArgs): CellFilters {
  return {
    suites: splitList(args.suite),
    providers: splitList(args.provider),
    models: splitList(args.model),
    tests: splitList(args.test),
    tags: splitList(args.tag),
    protocols: splitList(args.protocol),
  };
}

/**
 * What makes the exit code 1 besides errors: failures in these layers, (with --probe) capability
 * drift, (with --baseline) stale baseline entries, (with --repeat) flaky cells.
 */
export interface FailOn {
  layers: Set<FailureLayer>;
  drift: boolean;
  stale: boolean;
  flaky: boolean;
}

const FAIL_ON_EXTRAS = ['drift', 'stale', 'flaky'] as const;

/**
 * `--fail-on transport,protocol,drift` → the layers whose failures make the exit code 1, and whether
 * drift, stale baseline entries and flaky cells do. No layer named (only extras, or nothing): every layer.
 */
export function failOnLayers(values: string[] | undefined): FailOn {
  const list = splitList(values);
  const extras = { drift: list.includes('drift'), stale: list.includes('stale'), flaky: list.includes('flaky') };
  const layers = list.filter((entry) => !(FAIL_ON_EXTRAS as readonly string[]).includes(entry));
  for (const entry of layers) {
    if (entry !== 'all' && !(FAILURE_LAYERS as readonly string[]).includes(entry)) {
      throw new UsageError(
        `--fail-on: unknown value "${entry}". Valid: all, ${FAILURE_LAYERS.join(', ')}, drift (with --probe), stale (with --baseline), flaky (with --repeat)`,
      );
    }
  }
  if (layers.length === 0 || layers.includes('all')) return { layers: new Set(FAILURE_LAYERS), ...extras };
  return { layers: new Set(layers as FailureLayer[]), ...extras };
}

/** `--repeat N`: a whole number from 1 to 100. */
export function repeatCount(value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100) {
    throw new UsageError(`--repeat takes a whole number of runs per cell from 1 to 100, e.g. --repeat 5 (got ${typeof value === 'number' && Number.isNaN(value) ? 'not a number' : JSON.stringify(value)})`);
  }
  return value;
}

/** `--shard i/n`: run the i-th of n deterministic parts of the cells (1-based). */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(value: unknown): Shard | undefined {
  if (value === undefined) return undefined;
  const match = typeof value === 'string' ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value) : null;
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard takes i/n with 1 <= i <= n, e.g. --shard 1/2 for the first of two parts (got ${JSON.stringify(value)})`);
  }
  return { index, count };
}

/** A run id that sorts by time and is safe as a folder name. */
export function newRunId(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-').replace('Z', '');
}
