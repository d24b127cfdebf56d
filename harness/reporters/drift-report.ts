import type { CellResult } from '../verdicts/verdict.ts';
import type { Drift } from '../verdicts/drift.ts';

/** One drifting cell, as results.json, the matrix and the console show it. */
export interface DriftRow extends Drift {
  target: string;
  test: string;
  verdict: CellResult['verdict'];
  layer?: string;
  message?: string;
}

export function driftRows(results: readonly CellResult[]): DriftRow[] {
  return results.flatMap((result) =>
    result.drift
      ? [{
          target: `${result.provider}/${result.model}/${result.protocol}`,
          test: `${result.suite}.${result.test}`,
          ...result.drift,
          verdict: result.verdict,
          layer: result.layer,
          message: result.message,
        }]
      : [],
  );
}

const WORDS: Record<Drift['direction'], string> = {
  'declared-unsupported-but-works': 'declared unsupported, works',
  'declared-supported-but-fails': 'declared supported, fails',
};

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A Markdown table of drifting cells (empty string when there are none). */
export function renderDriftMarkdown(rows: readonly DriftRow[]): string {
  if (rows.length === 0) return '';
  const lines = [
    '| target | test | capability | drift | verdict |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => {
      const verdict = `${row.verdict}${row.layer ? ` [${row.layer}]` : ''}${row.message ? `: ${row.message.slice(0, 100)}` : ''}`;
      return `| ${row.target} | ${row.test} | ${row.capabilities.join(', ')} | ${WORDS[row.direction]} | ${escapeCell(verdict)} |`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}

/** The console's drift table: one line per drifting cell. */
export function printDrift(rows: readonly DriftRow[], write: (line: string) => void): void {
  if (rows.length === 0) return;
  write('');
  write(`capability drift (${rows.length} cell${rows.length === 1 ? '' : 's'}: declared vs observed):`);
  const width = Math.max(...rows.map((row) => `${row.target} ${row.test}`.length));
  for (const row of rows) {
    write(`  ${`${row.target} ${row.test}`.padEnd(width)}  ${row.capabilities.join(',').padEnd(16)} ${WORDS[row.direction]} (${row.verdict}${row.layer ? ` [${row.layer}]` : ''})`);
  }
}
