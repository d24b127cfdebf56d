import { describe, expect, it } from 'vitest';
import { parseLddOutput, sharedLibrariesOf } from './shared-libraries.ts';

const LLAMA_SERVER_LDD = `	linux-vdso.so.1 (0x00007ffd0a5f3000)
	libllama.so => /cache/llama-server-de3ff81/build/bin/libllama.so (0x00007f1c2a000000)
	libggml.so => /cache/llama-server-de3ff81/build/bin/libggml.so (0x00007f1c29f00000)
	libstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f1c29c00000)
	libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f1c29a1f000)
	/lib64/ld-linux-x86-64.so.2 (0x00007f1c2a5b1000)
`;

describe('parseLddOutput', () => {
  it('lists every resolved library and the loader, without the vDSO', () => {
    expect(parseLddOutput(LLAMA_SERVER_LDD, 'llama-server')).toEqual([
      '/cache/llama-server-de3ff81/build/bin/libllama.so',
      '/cache/llama-server-de3ff81/build/bin/libggml.so',
      '/lib/x86_64-linux-gnu/libstdc++.so.6',
      '/lib/x86_64-linux-gnu/libc.so.6',
      '/lib64/ld-linux-x86-64.so.2',
    ]);
  });

  it('refuses a binary whose libraries the loader cannot find, naming them', () => {
    const output = '\tlibggml.so => not found\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f1c29a1f000)\n';
    expect(() => parseLddOutput(output, '/x/llama-server')).toThrow(/\/x\/llama-server needs shared libraries the loader cannot find: libggml\.so/);
  });

  it('needs nothing for a static binary', () => {
    expect(parseLddOutput('\tnot a dynamic executable\n', 'busybox')).toEqual([]);
  });
});

describe('sharedLibrariesOf (real ldd)', () => {
  it('finds libc and the loader of a dynamically linked system binary', async () => {
    const libraries = await sharedLibrariesOf('/bin/ls');
    expect(libraries.some((path) => /\/libc\.so\.6$/.test(path))).toBe(true);
    expect(libraries.some((path) => /ld-linux.*\.so\.2$/.test(path))).toBe(true);
    for (const path of libraries) expect(path.startsWith('/')).toBe(true);
  });
});
