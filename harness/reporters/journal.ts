import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CellResult } from '../verdicts/verdict.ts';

/**
 * The run's journal: one JSON line per finished cell, appended (and flushed by the OS) the moment
 * the cell finishes, so a killed run keeps every finished cell.
 */
export class Journal {
  readonly path: string;
  readonly #redact: (line: string) => string;

  /** `redact`: applied to each line before it is written (the run's secrets, in every encoding). */
  constructor(path: string, redact: (line: string) => string = (line) => line) {
    this.path = path;
    this.#redact = redact;
    mkdirSync(dirname(path), { recursive: true });
    if (!existsSync(path)) appendFileSync(path, '');
  }

  append(result: CellResult): void {
    appendFileSync(this.path, `${this.#redact(JSON.stringify(result))}\n`);
  }
}

/** Reads a journal; a torn last line (a run killed mid-write) is ignored. */
export function readJournal(path: string): CellResult[] {
  const results: CellResult[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      results.push(JSON.parse(line) as CellResult);
    } catch {
      // a partial line from an interrupted write
    }
  }
  return results;
}
