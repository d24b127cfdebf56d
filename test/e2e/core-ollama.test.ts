import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResults, runCli, runFolder, tempReportDir, validateJunit } from './cli-process.ts';

// The Ollama binary is built before any test starts (test/substrate.setup.ts), never skipped.
describe('verify --suite core --provider ollama --local ollama (real Ollama built from its Go module)', () => {
  it('runs the core suite over ollama-native, openai-chat, openai-responses and anthropic-messages', async () => {
    const reportDir = tempReportDir();
    const result = await runCli(['verify', '--suite', 'core', '--provider', 'ollama', '--local', 'ollama', '--report-dir', reportDir]);
    expect([0, 1], result.all).toContain(result.exitCode);
    const runDir = runFolder(reportDir);
    const document = readResults(runDir);
    expect(document.cells).toHaveLength(48);
    expect(document.run.endpointVersions.ollama).toBe('ollama 0.17.4');
    const verdict = (protocol: string, test: string) => document.cells.find((cell) => cell.protocol === protocol && cell.test === test);
    for (const protocol of ['ollama-native', 'openai-chat', 'openai-responses', 'anthropic-messages']) {
      for (const test of ['health_check', 'list_models', 'usage_accounting', 'invalid_model']) {
        expect(verdict(protocol, test)?.verdict, `${protocol} ${test}: ${verdict(protocol, test)?.message}`).toBe('pass');
      }
      expect(verdict(protocol, 'bad_credentials')?.verdict).toBe('unsupported');
    }
    // basic_chat asks for a stop within 64 tokens. Greedy (temperature 0 sent) on the protocols that carry it;
    // anthropic-messages cannot, and Ollama has no server-wide default to make it greedy, so its answer is
    // sampled: there, a pass or the one outcome that depends on the sampled text (cut at 64 tokens).
    for (const protocol of ['ollama-native', 'openai-chat', 'openai-responses']) {
      expect(verdict(protocol, 'basic_chat')?.verdict, `${protocol}: ${verdict(protocol, 'basic_chat')?.message}`).toBe('pass');
    }
    const sampled = verdict('anthropic-messages', 'basic_chat');
    if (sampled?.verdict !== 'pass') {
      expect(sampled?.message, 'anthropic-messages basic_chat').toMatch(/finish_reason is length \(raw max_tokens\) with 64 output tokens at max_tokens 64: the model was still writing/);
      expect(sampled?.layer, 'a model cut at max_tokens is the model, not the protocol').toBe('model');
    }
    // Real gap of Ollama 0.17.4: /v1/responses says "completed" when max_output_tokens cut the answer.
    expect(verdict('openai-responses', 'max_tokens')?.verdict).toBe('fail');
    expect(await validateJunit(join(runDir, 'junit.xml'))).toEqual({ valid: true, errors: [] });
  });
});

