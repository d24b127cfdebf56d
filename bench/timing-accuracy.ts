import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverTimings } from '../harness/commands/server-timings.ts';
import type { ResultsDocument } from '../harness/reporters/results-json.ts';
import type { TranscriptFile } from '../harness/reporters/transcript-file.ts';

/** One streamed response: what the harness reported, and what llama-server's own `timings` said. */
export interface TimingPair {
  cell: string;
  harnessTtftMs: number;
  /** prompt_ms + one token's share of predicted_ms: when the first token was ready on the server. */
  serverTtftMs: number;
  harnessTokensPerSecond: number;
  serverTokensPerSecond: number;
}

/** The pairs of a run folder written with `--transcripts all` (cells that recorded both numbers). */
export function timingPairs(runDir: string): TimingPair[] {
  const results = JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')) as ResultsDocument;
  const pairs: TimingPair[] = [];
  for (const cell of results.cells) {
    const ttft = cell.details?.ttftMs;
    const rate = cell.details?.outputTokensPerSecond;
    if (typeof ttft !== 'number' || typeof rate !== 'number' || !cell.transcript) continue;
    const file = JSON.parse(readFileSync(join(runDir, cell.transcript), 'utf8')) as TranscriptFile;
    const server = serverTimings(file.entries);
    if (server?.promptMs === undefined || !server.predictedMs || !server.predictedTokens || server.predictedPerSecond === undefined) continue;
    pairs.push({
      cell: `${cell.provider}/${cell.protocol}/${cell.test}`,
      harnessTtftMs: ttft,
      serverTtftMs: server.promptMs + server.predictedMs / server.predictedTokens,
      harnessTokensPerSecond: rate,
      serverTokensPerSecond: server.predictedPerSecond,
    });
  }
  return pairs;
}
