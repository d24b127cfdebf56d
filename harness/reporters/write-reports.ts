import { existsSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CellResult } from '../verdicts/verdict.ts';
import { costTotals, renderCostMarkdown } from './cost-report.ts';
import { driftRows, renderDriftMarkdown } from './drift-report.ts';
import { buildJunitXml } from './junit.ts';
import { renderMatrixHtml } from './matrix-html.ts';
import { renderMatrixMarkdown } from './matrix-markdown.ts';
import { buildMatrix, type SuiteOrder } from './matrix-model.ts';
import { renderMatrixSummaryMarkdown } from './matrix-summary-markdown.ts';
import { transcriptFile } from './transcript-file.ts';
import { buildResultsDocument, writeResultsJson } from './results-json.ts';
import type { RunMetadata } from './run-metadata.ts';

export interface ReportPaths {
  journal: string;
  results: string;
  junit: string;
  matrixJson: string;
  matrixMarkdown: string;
  matrixHtml: string;
  /** The compact Markdown matrix for a CI job summary. */
  matrixSummary: string;
}

export function reportPaths(runDir: string): ReportPaths {
  return {
    journal: join(runDir, 'results.jsonl'),
    results: join(runDir, 'results.json'),
    junit: join(runDir, 'junit.xml'),
    matrixJson: join(runDir, 'matrix.json'),
    matrixMarkdown: join(runDir, 'matrix.md'),
    matrixHtml: join(runDir, 'matrix.html'),
    matrixSummary: join(runDir, 'matrix.summary.md'),
  };
}

/** Turns the journal's cells into every report file, and points <reports>/latest at this run (unless `latest: false`, e.g. `merge --out`). */
export function writeReports(
  runDir: string,
  run: RunMetadata,
  cells: CellResult[],
  capabilities: ReadonlyMap<string, string>,
  options: { suiteOrder?: SuiteOrder; latest?: boolean } = {},
): ReportPaths {
  const paths = reportPaths(runDir);
  writeResultsJson(paths.results, buildResultsDocument(run, cells));
  writeFileSync(paths.junit, buildJunitXml(cells, { capabilities, flakyAs: run.flakyFails ? 'fail' : 'pass' }, run.runId));
  const matrix = buildMatrix(run.runId, cells, run.notLiveVerified, {
    suiteOrder: options.suiteOrder,
    gateways: run.gateways,
    // Linked only when the transcript was written (a failing cell's, or every cell's on request).
    transcriptFor: (result) => {
      const file = transcriptFile(result);
      return existsSync(join(runDir, file)) ? file : undefined;
    },
  });
  writeFileSync(paths.matrixJson, `${JSON.stringify(matrix, null, 2)}\n`);
  const drift = renderDriftMarkdown(driftRows(cells));
  const cost = renderCostMarkdown(costTotals(cells), matrix.rows.map((row) => `${row.provider}/${row.model}/${row.protocol}`));
  writeFileSync(paths.matrixMarkdown, `${renderMatrixMarkdown(matrix)}\n## Cost\n\n${cost}${drift ? `\n## Capability drift (--probe)\n\n${drift}` : ''}`);
  writeFileSync(paths.matrixHtml, renderMatrixHtml(matrix, run));
  writeFileSync(paths.matrixSummary, renderMatrixSummaryMarkdown(matrix));
  if (options.latest !== false) pointLatestAt(runDir);
  return paths;
}

/** Points <reports>/latest at a run folder (done when a run starts, so a killed run is "latest" too). */
export function pointLatestAt(runDir: string): void {
  const latest = join(dirname(runDir), 'latest');
  rmSync(latest, { force: true });
  symlinkSync(basename(runDir), latest);
}
