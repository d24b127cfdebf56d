import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-process.ts';

const cache = process.env.LLM_VERIFY_CACHE ?? join(homedir(), '.cache', 'llm-verify');
const built = existsSync(join(cache, 'ollama-v0.17.4', 'bin', 'ollama')) || process.env.OLLAMA_BIN !== undefined;
// On CI the binary is installed by the set-up, so a missing one is a failure there, not a skip.
const run = built || process.env.CI === 'true';

describe.runIf(run)('ask and models against a real Ollama (--local ollama)', () => {
  it('a model the server does not have: model_not_found (HTTP 404) with the models it lists as the fix', async () => {
    const result = await runCli(['ask', '--provider', 'ollama', '--local', 'ollama', '--model', 'no-such-model', '--format', 'json', 'hi']);
    expect(result.exitCode, result.all).toBe(1);
    const answer = JSON.parse(result.stdout) as { ok: boolean; error?: { kind: string; status?: number; fix: string } };
    expect(answer).toMatchObject({ ok: false, error: { kind: 'model_not_found', status: 404 } });
    expect(answer.error?.fix).toBe('model "no-such-model" is not served: the endpoint lists: smollm2-135m-instruct:latest — pass one with --model');
  });

  it('the default model (pinned and listed) answers over ollama-native with usage and a finish reason; models marks it pinned + listed', async () => {
    const answer = await runCli(['ask', '--provider', 'ollama', '--local', 'ollama', '--max-tokens', '8', '--stream', '--format', 'json', 'hi']);
    expect(answer.exitCode, answer.all).toBe(0);
    const result = JSON.parse(answer.stdout) as { target: string; finishReason?: string; usage?: { input?: number; output?: number } };
    expect(result.target).toBe('ollama/smollm2-135m-instruct:latest/ollama-native');
    expect(['stop', 'length']).toContain(result.finishReason);
    expect(result.usage?.output).toBeGreaterThan(0);

    const models = await runCli(['models', 'ollama', '--local', 'ollama']);
    expect(models.exitCode, models.all).toBe(0);
    expect(models.stdout).toMatch(/ {2}smollm2-135m-instruct:latest {2}pinned \+ listed/);
  });
});

if (!run) {
  describe('ask against Ollama', () => {
    it.skip('skipped: ollama binary not installed (run scripts/setup/ollama.sh)', () => {});
  });
}
