import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const ALL = fileURLToPath(new URL('../scripts/setup/all.sh', import.meta.url));

/**
 * First globalSetup of every project: makes sure the real local substrate (llama-server, the test
 * model, Ollama) is installed before any test file starts, so no test hook ever waits on a build.
 * Runs the idempotent set-up scripts (cached, locked against concurrent runs); a cached substrate
 * costs a second, a first run builds for many minutes and says so as it goes. A failed set-up
 * stops the test run with the script's message: never a run that skips what it could not build.
 */
export default async function ensureSubstrate(): Promise<void> {
  process.stderr.write('[setup] checking the local substrate (llama-server, test model, Ollama); the first time it is built: about 20 minutes on 2 cores\n');
  const result = await execa('bash', [ALL], { reject: false, stdin: 'ignore', stdout: 'ignore', stderr: 'inherit' });
  if (result.exitCode !== 0) {
    throw new Error(`scripts/setup/all.sh failed (exit ${result.exitCode ?? result.signal}): the tests need the local substrate; the lines above say what is missing`);
  }
}
