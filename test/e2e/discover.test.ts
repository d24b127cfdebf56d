import { describe, expect, it } from 'vitest';
import { runCli } from './cli-process.ts';

describe('verify discover (real CLI)', () => {
  it('probes the four usual local ports and names cloud providers with credentials, never their values', async () => {
    const secret = 'sk-discover-e2e-0123456789abcdef';
    const result = await runCli(['discover', '--json'], { OPENAI_API_KEY: secret, ANTHROPIC_API_KEY: '' });
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).not.toContain(secret);
    const report = JSON.parse(result.stdout) as { localServers: Array<{ provider: string; url: string; reachable: boolean }>; cloudProvidersWithCredentials: string[] };
    expect(report.localServers.map((server) => server.provider).sort()).toEqual(['llama_cpp', 'lm_studio', 'ollama', 'vllm']);
    expect(report.localServers.find((server) => server.provider === 'lm_studio')?.url).toBe('http://127.0.0.1:1234');
    expect(report.cloudProvidersWithCredentials).toContain('openai');
    expect(report.cloudProvidersWithCredentials).not.toContain('anthropic');
  });
});
