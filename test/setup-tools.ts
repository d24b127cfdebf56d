import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const SETUP_DIR = fileURLToPath(new URL('../scripts/setup/', import.meta.url));

/** Set-up scripts the tests need besides the local substrate. Each is idempotent, cached and locked. */
export type TestSetupScript = 'actionlint.sh' | 'chromium.sh' | 'docker.sh' | 'jaeger.sh' | 'litellm.sh';

/**
 * Runs one set-up script (fast when its result is cached or already running) and returns what it
 * prints on its last line (a binary path, a daemon address). For a vitest globalSetup or beforeAll.
 */
export async function ensureTestSetup(script: TestSetupScript): Promise<string> {
  const result = await execa('bash', [`${SETUP_DIR}${script}`], { reject: false, stdin: 'ignore', all: true });
  const last = result.stdout.trim().split('\n').at(-1) ?? '';
  if (result.exitCode !== 0 || last === '') {
    throw new Error(`scripts/setup/${script} failed (exit ${result.exitCode}):\n${(result.all ?? '').split('\n').slice(-15).join('\n')}`);
  }
  return last;
}
