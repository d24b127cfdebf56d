import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { llamaServerVersion, startLlamaServer } from './llama-server-launcher.ts';

const cache = process.env.LLM_VERIFY_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'llm-verify');
const binary = process.env.LLM_VERIFY_LLAMA_SERVER_BIN ?? join(cache, 'llama-server-de3ff81', 'build', 'bin', 'llama-server');
const modelPath = join(cache, 'models', 'SmolLM2-135M-Instruct.Q4_1.gguf');
const missing = [existsSync(binary) ? '' : `llama-server not built at ${binary} (run scripts/setup/llama-server.sh)`, existsSync(modelPath) ? '' : `model missing at ${modelPath}`]
  .filter(Boolean)
  .join('; ');
/** Port given to this test on the shared machine; the launcher picks a free one when it is taken. */
const PORT = 18099;
const VERSION = /^llama\.cpp \S+ \(build \d+, commit [0-9a-f]+\)$/;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const portOpen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const logFileIn = async (name: string) => join(await mkdtemp(join(tmpdir(), 'llama-launcher-test-')), name);

describe('llama-server launcher', () => {
  it('rejects, naming the log file, when the binary exits at once', async () => {
    const logFile = await logFileIn('false.log');
    const started = startLlamaServer({ binary: '/bin/false', modelPath: '/nonexistent.gguf', alias: 'x', logFile, threads: 1, deadlineMs: 10_000 });
    await expect(started).rejects.toThrow(`llama-server exited before it was healthy: exit code 1; see ${logFile}`);
  });

  it.skipIf(missing !== '')(
    missing === '' ? 'starts a real llama-server with an API key, serves /health and /v1/models, stops by PID' : `skipped: ${missing}`,
    async () => {
      const logFile = await logFileIn('server.log');
      const apiKey = 'launcher-test-key-7f3a';
      const port = (await portOpen(PORT)) ? undefined : PORT;
      const server = await startLlamaServer({ binary, modelPath, alias: 'smollm2-135m-instruct', logFile, apiKey, port, threads: 1, contextSize: 1024 });
      let stopped = false;
      try {
        expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        if (port) expect(server.baseUrl).toBe(`http://127.0.0.1:${PORT}`);
        expect(server.logFile).toBe(logFile);
        expect(isAlive(server.pid)).toBe(true);
        expect(server.version).toMatch(VERSION);

        const health = await fetch(`${server.baseUrl}/health`);
        expect(health.status).toBe(200);
        expect(await health.json()).toEqual({ status: 'ok' });

        const listed = await fetch(`${server.baseUrl}/v1/models`, { headers: { authorization: `Bearer ${apiKey}` } });
        expect(listed.status).toBe(200);
        const body = (await listed.json()) as { data: Array<{ id: string }> };
        expect(body.data.map((model) => model.id)).toContain('smollm2-135m-instruct');

        const withoutKey = await fetch(`${server.baseUrl}/v1/models`);
        expect(withoutKey.status).toBe(401);
        expect(await withoutKey.json()).toMatchObject({ error: { message: 'Invalid API Key', type: 'authentication_error' } });

        const chatWithoutKey = await fetch(`${server.baseUrl}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], max_tokens: 1 }),
        });
        expect(chatWithoutKey.status).toBe(401);

        const boundPort = Number(new URL(server.baseUrl).port);
        const pid = server.pid;
        await server.stop();
        stopped = true;
        expect(await portOpen(boundPort)).toBe(false);
        expect(() => process.kill(pid, 0)).toThrow();
        expect(await readFile(logFile, 'utf8')).not.toContain(apiKey);
      } finally {
        if (!stopped) await server.stop();
      }
    },
    120_000,
  );

  it.skipIf(missing !== '')(missing === '' ? 'reads the version without starting a server' : `skipped: ${missing}`, async () => {
    // de3ff81 prints "version: 0.5.0-dev (build 1, commit de3ff81)".
    expect(await llamaServerVersion(binary)).toMatch(VERSION);
  });
});
