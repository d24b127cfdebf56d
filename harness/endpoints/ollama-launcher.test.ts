import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freeLoopbackPort } from './free-port.ts';
import { startOllama } from './ollama-launcher.ts';

const cache = process.env.LLM_VERIFY_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'llm-verify');
const binary = process.env.LLM_VERIFY_OLLAMA_BIN ?? join(cache, 'ollama-v0.17.4', 'bin', 'ollama');
const modelPath = join(cache, 'models', 'SmolLM2-135M-Instruct.Q4_1.gguf');
const haveOllama = existsSync(binary);
const haveModel = existsSync(modelPath);

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('ollama launcher', () => {
  it('finds a free loopback port', async () => {
    const port = await freeLoopbackPort();
    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThan(65536);
  });

  it('fails clearly when the binary exits at once instead of serving', async () => {
    const logFile = join(await mkdtemp(join(tmpdir(), 'ollama-launcher-test-')), 'serve.log');
    await expect(startOllama({ binary: '/bin/false', modelPath: '/nonexistent.gguf', modelName: 'x', logFile, deadlineMs: 10_000 })).rejects.toThrow(
      /exited before answering/,
    );
  });

  it.skipIf(!haveOllama || !haveModel)(
    haveOllama ? 'starts ollama serve, registers the GGUF, answers /api/chat, and stops by PID' : 'ollama binary not installed: run scripts/setup/ollama.sh',
    async () => {
      const logFile = join(await mkdtemp(join(tmpdir(), 'ollama-launcher-test-')), 'serve.log');
      const ollama = await startOllama({ binary, modelPath, modelName: 'smollm2-135m-instruct', logFile, deadlineMs: 120_000 });
      try {
        expect(ollama.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(ollama.version).toMatch(/^\d+\.\d+\.\d+/);
        expect(isAlive(ollama.pid)).toBe(true);
        const tags = (await (await fetch(`${ollama.baseUrl}/api/tags`)).json()) as { models: Array<{ name: string }> };
        expect(tags.models.map((model) => model.name)).toContain('smollm2-135m-instruct:latest');
        const chat = await fetch(`${ollama.baseUrl}/api/chat`, {
          method: 'POST',
          body: JSON.stringify({ model: 'smollm2-135m-instruct', stream: false, messages: [{ role: 'user', content: 'Say hi' }], options: { num_predict: 8 } }),
        });
        expect(chat.status).toBe(200);
        const body = (await chat.json()) as { done: boolean; message: { role: string; content: string } };
        expect(body.done).toBe(true);
        expect(body.message.role).toBe('assistant');
      } finally {
        await ollama.stop();
      }
      expect(isAlive(ollama.pid)).toBe(false);
      expect(await readFile(logFile, 'utf8')).toContain('Listening on 127.0.0.1');
    },
    180_000,
  );
});
