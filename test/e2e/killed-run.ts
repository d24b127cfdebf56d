import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

/** Support for e2e tests that kill a running CLI: is a port still served, wait for a condition, read the journal so far. */

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not before the deadline`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The journal (results.jsonl) of the run being written under `reportDir`, once its folder exists. */
export function journalPath(reportDir: string): string | undefined {
  const run = existsSync(reportDir) ? readdirSync(reportDir).find((name) => name !== 'latest') : undefined;
  return run ? join(reportDir, run, 'results.jsonl') : undefined;
}

/** The journal's complete lines so far (none before the run folder and journal exist). */
export function journalLines(reportDir: string): string[] {
  const path = journalPath(reportDir);
  return path && existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((line) => line !== '') : [];
}
