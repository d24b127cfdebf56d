import { describe, expect, it } from 'vitest';
import { runCli } from './cli-process.ts';

describe('bad CLI input exits 2 with what is wrong and how to fix it', () => {
  it.each([
    [['verify', '--provider', 'llama_cp'], /unknown provider "llama_cp". Did you mean "llama_cpp"\?.*Valid providers: embedded, llama_cpp/s],
    [['list', '--suite', 'toolz'], /unknown suite "toolz". Did you mean "tools"\?/],
    [['list', '--test', 'basic_chta'], /unknown test "basic_chta". Did you mean "basic_chat"\?/],
    [['list', '--provider', 'openai,anthropic', '--base-url', 'http://127.0.0.1:1'], /--base-url needs exactly one --provider/],
    [['verify', '--fail-on', 'modle'], /--fail-on: unknown value "modle"/],
    [['verify', '--timeout', '60000', '--timeout', '4000'], /--timeout takes one positive number of milliseconds/],
    [['verify', '--timeout', 'soon'], /--timeout takes one positive number of milliseconds/],
    [['verify', '--local', 'openai'], /--local openai: the harness can start only/],
    [['verify', '--otlp', 'localhost:4318'], /--otlp: traces are exported over OTLP\/HTTP, so the URL must be http\(s\)/],
    [['verify', '--mcp', 'ws://127.0.0.1:3001/mcp'], /--mcp: only http\(s\) URLs are served over Streamable HTTP/],
    [['verfy'], /Unknown argument: verfy|Did you mean verify/],
    [['verify', '--repeat', '0'], /--repeat takes a whole number of runs per cell from 1 to 100, e\.g\. --repeat 5 \(got 0\)/],
    [['verify', '--repeat', 'often'], /--repeat takes a whole number of runs per cell .* \(got not a number\)/],
    [['verify', '--shard', '3/2'], /--shard takes i\/n with 1 <= i <= n, e\.g\. --shard 1\/2 for the first of two parts \(got "3\/2"\)/],
    [['verify', '--update-baseline'], /--update-baseline needs --baseline FILE: the file to write/],
    [['verify', '--baseline', 'no-such-baseline.json'], /--baseline no-such-baseline\.json: no such file\. Create it from a run with --update-baseline/],
    [['verify', '--baseline', 'package.json'], /--baseline package\.json: .*must have required property 'schemaVersion'.*Keys are cell ids provider\/model\/protocol\/suite\.test/],
    [['verify', '--fail-on', 'stal'], /--fail-on: unknown value "stal"\. Valid: .*stale \(with --baseline\), flaky \(with --repeat\)/],
    [['diff', 'no-such-run-a', 'no-such-run-b'], /diff: no-such-run-a does not exist; pass a run folder \(reports\/<run-id>, reports\/latest\) or its results\.json/],
    [['diff', 'package.json', 'package.json'], /diff: .*package\.json has results schema version null; this llm-verify \(.*\) reads version 1/],
    [['diff', 'only-one'], /Not enough non-option arguments/],
    [['merge', 'no-such-run', '--out', 'merged-nowhere'], /merge: no-such-run does not exist/],
    [['merge', 'reports'], /Missing required argument: out/],
  ])('%j', async (args, message) => {
    const result = await runCli(args);
    expect(result.exitCode, result.all).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('checks test names before it starts any --local server', async () => {
    const result = await runCli(['verify', '--provider', 'llama_cpp', '--local', 'llama_cpp', '--test', 'basic_chta']);
    expect(result.exitCode, result.all).toBe(2);
    expect(result.stderr).toMatch(/unknown test "basic_chta"/);
    expect(result.all).not.toMatch(/starting llama-server/);
  });

  it('list shows every provider, protocol and pinned model without contacting anything', async () => {
    const result = await runCli(['list']);
    expect(result.exitCode, result.all).toBe(0);
    for (const provider of ['embedded', 'llama_cpp', 'openai_compatible', 'openai', 'anthropic', 'bedrock', 'gemini', 'openrouter', 'vllm', 'lm_studio']) {
      expect(result.stdout).toContain(`${provider} — `);
    }
    expect(result.stdout).toContain('model smollm2-135m-instruct');
    expect(result.stdout).toMatch(/cells selected: \d+ would run/);
  });
});
