import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../matrix/usage-error.ts';
import { HARNESS_VERSION } from '../version.ts';
import { RESULTS_SCHEMA_VERSION, type ResultsDocument } from './results-json.ts';

/** A run read back from disk: its results.json and where it came from. */
export interface StoredRun {
  /** The run folder (or the folder holding the results.json given). */
  dir: string;
  document: ResultsDocument;
}

/**
 * Reads a run folder (or its results.json; `reports/latest` works) for `diff` and `merge`. A
 * missing file, bad JSON, or a schema version this llm-verify does not read is a usage error
 * (exit 2) saying how to fix it.
 */
export function readStoredRun(path: string, command: string): StoredRun {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new UsageError(`${command}: ${path} does not exist; pass a run folder (reports/<run-id>, reports/latest) or its results.json`);
  const isDir = statSync(absolute).isDirectory();
  const file = isDir ? join(absolute, 'results.json') : absolute;
  const dir = isDir ? absolute : resolve(absolute, '..');
  if (!existsSync(file)) {
    const hint = existsSync(join(dir, 'results.jsonl')) ? `; it has a journal: rebuild its reports with \`llm-verify matrix --run ${dir}\`` : '';
    throw new UsageError(`${command}: ${path} has no results.json${hint}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${command}: ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const document = data as Partial<ResultsDocument> | null;
  const version = document && typeof document === 'object' ? document.schemaVersion : undefined;
  if (version !== RESULTS_SCHEMA_VERSION) {
    throw new UsageError(
      `${command}: ${file} has results schema version ${JSON.stringify(version ?? null)}; this llm-verify (${HARNESS_VERSION}) reads version ${RESULTS_SCHEMA_VERSION}. ` +
        `Use runs written by the same llm-verify version, or rebuild the run's reports from its journal with this version (\`llm-verify matrix --run <folder>\`).`,
    );
  }
  if (!Array.isArray(document?.cells) || !document?.run) throw new UsageError(`${command}: ${file} is not an llm-verify results.json (no run or cells)`);
  return { dir, document: document as ResultsDocument };
}
