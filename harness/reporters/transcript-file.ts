import type { CellResult } from '../verdicts/verdict.ts';

/**
 * Where a cell's transcript lives, relative to its run folder: `transcripts/<cell>.json`, the cell id
 * (provider/model/protocol/suite.test) with every character outside [A-Za-z0-9._-] replaced by `_`
 * (model names carry slashes and colons). The writer of transcripts and the matrix's links share it.
 */
export function transcriptFile(cell: Pick<CellResult, 'provider' | 'model' | 'protocol' | 'suite' | 'test'>): string {
  const id = `${cell.provider}/${cell.model}/${cell.protocol}/${cell.suite}.${cell.test}`;
  return `transcripts/${id.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}
