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

/** What makes the exit code 1 besides errors: failures in these layers, and (with --probe) capability drift. */
export interface FailOn {
  layers: Set<FailureLayer>;
  drift: boolean;
}

/**
 * `--fail-on transport,protocol,drift` → the layers whose failures make the exit code 1, and whether
 * drift does. No layer named (only `drift`, or nothing): every layer.
 */
export function failOnLayers(values: string[] | undefined): FailOn {
  const list = splitList(values);
  const drift = list.includes('drift');
  const layers = list.filter((entry) => entry !== 'drift');
  for (const entry of layers) {
    if (entry !== 'all' && !(FAILURE_LAYERS as readonly string[]).includes(entry)) {
      throw new UsageError(`--fail-on: unknown value "${entry}". Valid: all, ${FAILURE_LAYERS.join(', ')}, drift (with --probe)`);
    }
  }
  if (layers.length === 0 || layers.includes('all')) return { layers: new Set(FAILURE_LAYERS), drift };
  return { layers: new Set(layers as FailureLayer[]), drift };
}

/** A run id that sorts by time and is safe as a folder name. */
export function newRunId(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-').replace('Z', '');
}
