import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CellResult } from '../../harness/verdicts/verdict.ts';
import { readResults, runCli, tempReportDir } from './cli-process.ts';
import { journalLines, portOpen, waitFor } from './killed-run.ts';

describe('a run killed with SIGKILL', () => {
  it('leaves no llama-server behind, keeps complete journal lines, and --resume latest finishes it in its own folder', async () => {
    const reportDir = tempReportDir();
    const selection = ['--provider', 'llama_cpp', '--protocol', 'openai-chat', '--suite', 'core'];
    const child = runCli(['verify', '--local', 'llama_cpp', ...selection, '--report-dir', reportDir]);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const lines = () => journalLines(reportDir);
    await waitFor(() => lines().length >= 3, 240_000, 'three finished cells');
    const port = Number(/llama_cpp: http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr)?.[1]);
    expect(port).toBeGreaterThan(0);
    expect(await portOpen(port)).toBe(true);

    child.kill('SIGKILL');
    const killed = await child;
    expect(killed.signal).toBe('SIGKILL');
    // No exit handler ran: the watchdog holding a pipe to the harness stops the server.
    const killedAt = performance.now();
    await waitFor(async () => !(await portOpen(port)), 15_000, `llama-server on port ${port} stopped`);
    const serverGoneMs = Math.round(performance.now() - killedAt);

    const kept = lines().map((line) => JSON.parse(line) as CellResult);
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(kept.length).toBeLessThan(12);

    const resumeStarted = performance.now();
    const resumed = await runCli(['verify', '--resume', 'latest', '--report-dir', reportDir]);
    const resumeMs = Math.round(performance.now() - resumeStarted);
    expect([0, 1], resumed.all).toContain(resumed.exitCode);
    expect(resumed.all).toContain(`already finished`);
    expect(readdirSync(reportDir).filter((name) => name !== 'latest')).toHaveLength(1);
    const runDir = join(reportDir, readdirSync(reportDir).find((name) => name !== 'latest') as string);
    const document = readResults(runDir);
    expect(document.run.complete).toBe(true);
    expect(document.cells).toHaveLength(12);
    expect(new Set(document.cells.map((cell) => cell.test)).size).toBe(12);
    // The finished cells were kept, not run again.
    for (const cell of kept) expect(document.cells).toContainEqual(cell);
    const second = Number([...resumed.all.matchAll(/llama_cpp: http:\/\/127\.0\.0\.1:(\d+)/g)].at(-1)?.[1]);
    expect(await portOpen(second)).toBe(false);
    process.stderr.write(`\nSIGKILL after ${kept.length} of 12 cells: llama-server gone ${serverGoneMs} ms after the kill; --resume latest ran the other ${12 - kept.length} in ${resumeMs} ms, complete: ${document.run.complete}\n`);
  });
});
