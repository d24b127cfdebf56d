import { basename, dirname } from 'node:path';
import { execa } from 'execa';

/** Whether git tracks this file (so secrets written there would be committed). No git, or no repository: false. */
export async function isGitTracked(path: string): Promise<boolean> {
  const result = await execa('git', ['ls-files', '--error-unmatch', '--', basename(path)], { cwd: dirname(path), reject: false, stdin: 'ignore' }).catch(() => undefined);
  return result?.exitCode === 0;
}
