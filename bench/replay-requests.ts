import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultsDocument } from '../harness/reporters/results-json.ts';
import type { TranscriptFile } from '../harness/reporters/transcript-file.ts';

/** The requests of a harness run, in the order it made them, for the bare-SDK baseline. */
export interface ReplayFile {
  rootUrl: string;
  baseUrl: string;
  requests: Array<{ method: string; path: string; body?: unknown }>;
}

/** Reads a run folder written with `--transcripts all`: every cell's requests, cells in start order. */
export function replayFromRun(runDir: string, rootUrl: string, basePath = '/v1'): ReplayFile {
  const results = JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')) as ResultsDocument;
  const cells = results.cells.filter((cell) => cell.transcript !== undefined).sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const baseUrl = `${rootUrl}${basePath}`;
  const requests: ReplayFile['requests'] = [];
  for (const cell of cells) {
    const file = JSON.parse(readFileSync(join(runDir, cell.transcript as string), 'utf8')) as TranscriptFile;
    for (const entry of file.entries) {
      if (entry.kind !== 'request') continue;
      const path = new URL(entry.url).pathname.replace(new URL(baseUrl).pathname, '') || '/';
      requests.push({ method: entry.method, path, body: entry.body });
    }
  }
  return { rootUrl, baseUrl, requests };
}
