import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../harness/reporters/journal.ts';
import { runCli, tempReportDir } from './cli-process.ts';
import { journalLines, journalPath, portOpen, waitFor } from './killed-run.ts';

describe('a run killed mid-way (SIGTERM)', () => {
  it('keeps every finished cell in the journal, stops its llama-server, and can rebuild reports', async () => {
    const reportDir = tempReportDir();
    const child = runCli(['verify', '--suite', 'core', '--provider', 'llama_cpp', '--local', 'llama_cpp', '--report-dir', reportDir]);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await waitFor(() => journalLines(reportDir).length >= 4, 240_000, 'four finished cells');
    const port = Number(/llama_cpp: http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr)?.[1]);
    expect(port).toBeGreaterThan(0);
    child.kill('SIGTERM');
    const result = await child;
    expect(result.signal ?? result.exitCode, 'the CLI ended by the signal').toBeTruthy();

    const journal = readJournal(journalPath(reportDir) as string);
    expect(journal.length).toBeGreaterThanOrEqual(4);
    expect(journal.length).toBeLessThan(36);
    for (const cell of journal) expect(['pass', 'fail', 'unsupported', 'skipped', 'error']).toContain(cell.verdict);
    expect(await portOpen(port)).toBe(false);

    const rebuilt = await runCli(['matrix', '--run', 'latest', '--report-dir', reportDir]);
    const runDir = join(reportDir, readdirSync(reportDir).find((name) => name !== 'latest') as string);
    expect(rebuilt.exitCode, rebuilt.all).toBe(0);
    expect(readFileSync(join(runDir, 'junit.xml'), 'utf8').match(/<testcase /g)).toHaveLength(journal.length);
  });
});
