import { describe, expect, it } from 'vitest';
import { scratchDockerfile } from './scratch-image.ts';

describe('scratchDockerfile', () => {
  const spec = { repository: 'llm-verify/llama-server', binary: '/cache/build/bin/llama-server', entrypointName: 'llama-server' };

  it('starts FROM scratch (nothing to pull) and copies only the prepared root file system', () => {
    const lines = scratchDockerfile(spec, ['/lib/x86_64-linux-gnu/libc.so.6']).split('\n');
    expect(lines.filter((line) => line.startsWith('FROM '))).toEqual(['FROM scratch']);
    expect(lines).toContain('COPY rootfs/ /');
    expect(lines).toContain('ENTRYPOINT ["/usr/local/bin/llama-server"]');
  });

  it('points the loader at every library directory once', () => {
    const dockerfile = scratchDockerfile(spec, ['/cache/build/bin/libllama.so', '/cache/build/bin/libggml.so', '/lib/x86_64-linux-gnu/libc.so.6', '/lib64/ld-linux-x86-64.so.2']);
    expect(dockerfile).toContain('ENV LD_LIBRARY_PATH="/cache/build/bin:/lib/x86_64-linux-gnu:/lib64"');
  });

  it('bakes in the environment the spec asks for', () => {
    expect(scratchDockerfile({ ...spec, env: { HOME: '/ollama' } }, [])).toContain('ENV HOME="/ollama"');
    expect(scratchDockerfile(spec, [])).not.toContain('LD_LIBRARY_PATH');
  });
});
