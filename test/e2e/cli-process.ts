import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { ResultsDocument } from '../../harness/reporters/results-json.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'harness/cli.ts');

export function tempReportDir(): string {
  return mkdtempSync(join(tmpdir(), 'llm-verify-e2e-'));
}

/** Runs the real CLI (same Node as the tests) and returns its exit code and output. */
export function runCli(args: string[], env: Record<string, string> = {}) {
  return execa(process.execPath, [CLI, ...args], { cwd: ROOT, reject: false, all: true, env });
}

/** The run folder a run wrote under `reportDir` (not the `latest` link); `missing` when there is none. */
export function runFolder(reportDir: string): string {
  return join(reportDir, readdirSync(reportDir).find((name) => name !== 'latest') ?? 'missing');
}

export function readResults(runDir: string): ResultsDocument {
  return JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')) as ResultsDocument;
}

/** libxml2's verdict (xmllint-wasm) on a run's junit.xml against the JUnit 10 schema. */
export { validateJunitFile as validateJunit } from '../../harness/testing/junit-schema.ts';
