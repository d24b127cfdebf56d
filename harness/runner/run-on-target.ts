import type { Redactor } from '../config/redactor.ts';
import { costOfUsage } from '../cost/cell-cost.ts';
import type { Cell } from '../matrix/cell.ts';
import { wantsTranscript, writeTranscript, type TranscriptMode } from '../reporters/transcript-file.ts';
import type { Target } from '../suite/define.ts';
import type { CellResult } from '../verdicts/verdict.ts';
import type { TargetHandle } from './create-target.ts';

/** Where and for which cells transcripts are written, and the run's redactor. */
export interface TranscriptOutput {
  runDir: string;
  mode: TranscriptMode;
  redactor: Redactor;
}

/**
 * Runs a cell on its target (`execute`: runCell, traced) and adds what the target saw meanwhile: the usage of its model calls
 * and their cost at the target's price, and (when the mode asks for one) the redacted transcript file.
 */
export async function runOnTarget(cell: Cell, handle: TargetHandle, output: TranscriptOutput, execute: (target: Target) => Promise<CellResult>): Promise<CellResult> {
  const mark = handle.mark();
  const started = performance.now();
  const result = await execute(handle.target);
  const usage = handle.usageSince(mark);
  if (usage.calls > 0) {
    const { callsWithoutUsage, cachedInput, ...counts } = usage;
    result.usage = { ...counts, ...(cachedInput > 0 ? { cachedInput } : {}), ...(callsWithoutUsage > 0 ? { callsWithoutUsage } : {}) };
    const price = cell.target.price?.price;
    if (price) result.costUsd = costOfUsage(usage, price);
  }
  if (wantsTranscript(output.mode, result.verdict)) {
    try {
      result.transcript = writeTranscript(output.runDir, cell, result, handle.entriesSince(mark), started, output.redactor);
    } catch (error) {
      // The verdict stands; a transcript that could not be written is said in the result.
      result.details = { ...result.details, transcriptError: error instanceof Error ? error.message : String(error) };
    }
  }
  return result;
}
