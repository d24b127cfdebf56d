import { matchesGlob } from 'node:path';
import { unknownNameError } from './usage-error.ts';

/** Filters from the CLI. Each list holds exact names (test names may be globs). Empty = all. */
export interface CellFilters {
  suites: string[];
  providers: string[];
  models: string[];
  tests: string[];
  tags: string[];
  protocols: string[];
}

/** Splits repeatable, comma-separated flag values: ["a,b", "c"] → ["a", "b", "c"]. */
export function splitList(values: ReadonlyArray<string | number> | string | undefined): string[] {
  if (values === undefined) return [];
  const list = Array.isArray(values) ? values : [values];
  return list.flatMap((value) => String(value).split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

export const isGlob = (pattern: string): boolean => /[*?[\]{}]/.test(pattern);

export function matchesName(name: string, pattern: string): boolean {
  return isGlob(pattern) ? matchesGlob(name, pattern) : name === pattern;
}

/** true when `filter` is empty or any of its entries matches `name`. */
export function selected(name: string, filter: readonly string[]): boolean {
  return filter.length === 0 || filter.some((pattern) => matchesName(name, pattern));
}

/** Throws a UsageError (with a suggestion) for an exact name that is not known. Globs must match something. */
export function checkNames(what: string, filter: readonly string[], known: readonly string[]): void {
  for (const entry of filter) {
    const matched = isGlob(entry) ? known.some((name) => matchesGlob(name, entry)) : known.includes(entry);
    if (!matched) throw unknownNameError(what, entry, known);
  }
}
