import { execa } from 'execa';

/**
 * Reads the output of `ldd <binary>`: the absolute paths of the shared libraries the dynamic loader
 * resolves for it, the loader itself included (the kernel's vDSO has no file and is left out).
 * Throws when a library is "not found": an image built without it could not start.
 */
export function parseLddOutput(output: string, binary: string): string[] {
  if (/not a dynamic executable|statically linked/.test(output)) return [];
  const paths: string[] = [];
  const missing: string[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('linux-vdso') || line.startsWith('linux-gate')) continue;
    const arrow = /^(\S+) => (.+?)(?: \(0x[0-9a-f]+\))?$/.exec(line);
    if (arrow) {
      const [, name, target] = arrow;
      if (target === 'not found') missing.push(name ?? line);
      else if (target?.startsWith('/')) paths.push(target);
      continue;
    }
    const direct = /^(\/\S+)(?: \(0x[0-9a-f]+\))?$/.exec(line);
    if (direct?.[1]) paths.push(direct[1]);
  }
  if (missing.length > 0) {
    throw new Error(`${binary} needs shared libraries the loader cannot find: ${missing.join(', ')} (ldd says "not found"); fix the build or LD_LIBRARY_PATH first`);
  }
  return [...new Set(paths)];
}

/** The shared libraries (and loader) `binary` needs, as `ldd` lists them. */
export async function sharedLibrariesOf(binary: string): Promise<string[]> {
  const result = await execa('ldd', [binary], { reject: false, all: true });
  if (result.failed && result.code === 'ENOENT') {
    throw new Error(`ldd is needed to find the shared libraries of ${binary} for its container image (install libc-bin)`);
  }
  const output = result.all ?? '';
  if (result.exitCode !== 0 && !/not a dynamic executable/.test(output)) {
    throw new Error(`ldd ${binary} failed (exit ${result.exitCode}): ${output.trim()}`);
  }
  return parseLddOutput(output, binary);
}
