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

/** `--fail-on transport,protocol` → the layers whose failures make the exit code 1. */
export function failOnLayers(values: string[] | undefined): Set<FailureLayer> {
  const list = splitList(values);
  if (list.length === 0 || list.includes('all')) return new Set(FAILURE_LAYERS);
  for (const entry of list) {
    if (!(FAILURE_LAYERS as readonly string[]).includes(entry)) {
      throw new UsageError(`--fail-on: unknown layer "${entry}". Valid: all, ${FAILURE_LAYERS.join(', ')}`);
    }
  }
  return new Set(list as FailureLayer[]);
}

/** A run id that sorts by time and is safe as a folder name. */
export function newRunId(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-').replace('Z', '');
}
