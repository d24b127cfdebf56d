import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../harness/reporters/journal.ts';
import { runCli, tempReportDir } from './cli-process.ts';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a run killed mid-way (SIGTERM)', () => {
  it('keeps every finished cell in the journal, stops its llama-server, and can rebuild reports', async () => {
    const reportDir = tempReportDir();
    const child = runCli(['verify', '--suite', 'core', '--provider', 'llama_cpp', '--local', 'llama_cpp', '--report-dir', reportDir]);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const journalPath = () => {
      const run = existsSync(reportDir) ? readdirSync(reportDir).find((name) => name !== 'latest') : undefined;
      return run ? join(reportDir, run, 'results.jsonl') : undefined;
    };
    const finishedCells = () => {
      const path = journalPath();
      return path && existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((line) => line !== '').length : 0;
    };
    await waitFor(() => finishedCells() >= 4, 240_000);
    const port = Number(/llama_cpp: http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr)?.[1]);
    expect(port).toBeGreaterThan(0);
    child.kill('SIGTERM');
    const result = await child;
    expect(result.signal ?? result.exitCode, 'the CLI ended by the signal').toBeTruthy();

    const journal = readJournal(journalPath() as string);
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
