import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';

/**
 * "sha256:<hex>" of a model file, for the run's `modelDigests` (so `diff` can tell a changed model
 * from a changed server). The set-up's verified hash (`<file>.sha256-ok`, written after it checked
 * the download) is used when present; otherwise the file is hashed.
 */
export async function modelFileDigest(path: string): Promise<string> {
  const verified = `${path}.sha256-ok`;
  if (existsSync(verified)) {
    const hex = readFileSync(verified, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return `sha256:${hex}`;
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}
