import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TranscriptEntry } from '../contract/transcript.ts';
import type { Redactor } from '../config/redactor.ts';
import type { CellResult, Verdict } from '../verdicts/verdict.ts';

/** Which cells get a transcript file: failing and erroring ones (default), every cell run, or none. */
export type TranscriptMode = 'failing' | 'all' | 'none';
export const TRANSCRIPT_MODES: readonly TranscriptMode[] = ['failing', 'all', 'none'];

/** Whether a cell with this verdict gets a transcript file in this mode. */
export function wantsTranscript(mode: TranscriptMode, verdict: Verdict): boolean {
  return mode === 'all' || (mode === 'failing' && (verdict === 'fail' || verdict === 'error'));
}

/**
 * Where a cell's transcript lives, relative to its run folder: `transcripts/<cell>.json`, the cell id
 * (provider/model/protocol/suite.test) with every character outside [A-Za-z0-9._-] replaced by `_`
 * (model names carry slashes and colons). The writer of transcripts and the matrix's links share it.
 */
export function transcriptFile(cell: Pick<CellResult, 'provider' | 'model' | 'protocol' | 'suite' | 'test'>): string {
  const id = `${cell.provider}/${cell.model}/${cell.protocol}/${cell.suite}.${cell.test}`;
  return `transcripts/${id.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

/** What a transcript file holds: the cell, its verdict, and the wire's requests, responses and raw stream events. */
export interface TranscriptFile {
  cell: string;
  verdict: Verdict;
  layer?: string;
  message?: string;
  /** `at` values are milliseconds since the cell started. */
  entries: TranscriptEntry[];
}

type CellNames = Pick<CellResult, 'provider' | 'model' | 'protocol' | 'suite' | 'test'>;

/**
 * Writes `<runDir>/transcripts/<cell>.json`, every string passed through the run's redactor (on top
 * of the header, URL and key redaction done when the entries were recorded). Returns the path
 * relative to the run folder, which the cell's result records.
 */
export function writeTranscript(
  runDir: string,
  cell: CellNames,
  result: Pick<CellResult, 'verdict' | 'layer' | 'message'>,
  entries: readonly TranscriptEntry[],
  startedAt: number,
  redactor: Redactor,
): string {
  const relative = transcriptFile(cell);
  mkdirSync(dirname(join(runDir, relative)), { recursive: true });
  const file: TranscriptFile = {
    cell: `${cell.provider}/${cell.model}/${cell.protocol}/${cell.suite}.${cell.test}`,
    verdict: result.verdict,
    layer: result.layer,
    message: result.message,
    entries: entries.map((entry) => ({ ...entry, at: Math.round((entry.at - startedAt) * 10) / 10 })),
  };
  writeFileSync(join(runDir, relative), `${JSON.stringify(redactor.deep(file), null, 2)}\n`);
  return relative;
}
