import { writeFileSync } from 'node:fs';
import { UsageError } from '../matrix/usage-error.ts';
import { readStoredRun } from '../reporters/read-run.ts';
import { diffRuns } from '../reporters/run-diff.ts';
import { diffCounts, renderDiffMarkdown } from '../reporters/run-diff-markdown.ts';

export const DIFF_FORMATS = ['md', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

type Write = (text: string) => void;

/**
 * `diff <runA> <runB>`: newly failing, newly passing, changed layer, new/removed cells, and the
 * server versions and model digests the runs recorded. Markdown or JSON to stdout (or --out FILE).
 * Exit 1 when a cell is newly failing (for CI), else 0.
 */
export async function runDiff(args: { runA: string; runB: string; format: DiffFormat; out?: string }, write: Write, log: Write): Promise<number> {
  if (!(DIFF_FORMATS as readonly string[]).includes(args.format)) throw new UsageError(`diff --format: "${args.format}" is not one of ${DIFF_FORMATS.join(', ')}`);
  const a = readStoredRun(args.runA, 'diff');
  const b = readStoredRun(args.runB, 'diff');
  const diff = diffRuns({ document: a.document, path: args.runA }, { document: b.document, path: args.runB });
  const text = args.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : renderDiffMarkdown(diff);
  if (args.out) {
    writeFileSync(args.out, text);
    log(`diff written to ${args.out}`);
  } else {
    write(text);
  }
  log(`llm-verify diff: ${diffCounts(diff)}`);
  return diff.newlyFailing.length > 0 ? 1 : 0;
}
