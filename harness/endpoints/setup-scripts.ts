import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const SETUP_DIR = fileURLToPath(new URL('../../scripts/setup/', import.meta.url));

/**
 * Runs one of the project's set-up scripts (idempotent, cached outside the repo) and returns the
 * path it prints on its last line. Its progress goes to stderr, shown to the user.
 */
export async function runSetupScript(name: 'llama-server.sh' | 'model.sh' | 'ollama.sh' | 'promptfoo.sh' | 'litellm.sh'): Promise<string> {
  const result = await execa('bash', [`${SETUP_DIR}${name}`], { reject: false, stderr: 'inherit', stdin: 'ignore' });
  const path = result.stdout.trim().split('\n').at(-1) ?? '';
  if (result.exitCode !== 0 || path === '') {
    throw new Error(`scripts/setup/${name} failed (exit ${result.exitCode}); run it by hand to see why`);
  }
  return path;
}
