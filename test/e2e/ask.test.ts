import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from './cli-process.ts';

/**
 * `ask` through the real CLI against a real llama-server (`--local llama_cpp`, one per command) and
 * the embedded provider. Assertions are about formats, usage numbers, finish reasons and exit
 * codes — never about what the 135M model writes.
 */
const FINISH_REASONS = ['stop', 'length', 'tool_calls', 'content_filter', 'error'];
const LOCAL = ['--provider', 'llama_cpp', '--local', 'llama_cpp'];
const PROMPT = 'Name three colours.';
const SAMPLING = ['--max-tokens', '12', '--temperature', '0', '--seed', '7'];
const NO_CLOUD_KEYS = { OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '' };

interface AskJson {
  target: string;
  provider: string;
  ok: boolean;
  text?: string;
  finishReason?: string;
  usage?: { input?: number; output?: number; total?: number };
  latencyMs?: number;
  stream?: { ttftMs?: number; tokensPerSecond?: number; deltas: number };
  serverTimings?: { promptMs?: number; predictedMs?: number; predictedTokens?: number };
  error?: { kind: string; fix: string; status?: number };
}

const ask = (args: string[], env: Record<string, string> = {}) => runCli(['ask', ...args], { ...NO_CLOUD_KEYS, ...env });

function expectUsage(result: AskJson): void {
  expect(result.usage?.input).toBeGreaterThan(0);
  expect(result.usage?.output).toBeGreaterThan(0);
  // A total is reported only where the wire carries one (OpenAI-compatible usage does; the
  // embedded library does not, and the harness never computes one).
  if (result.provider === 'embedded') expect(result.usage?.total).toBeUndefined();
  else expect(result.usage?.total).toBeGreaterThan(0);
}

describe('ask (real llama-server via --local llama_cpp, and embedded)', () => {
  it('--format json: one object with text, a normalized finish reason and usage from the wire', async () => {
    const run = await ask([...LOCAL, ...SAMPLING, '--format', 'json', PROMPT]);
    expect(run.exitCode, run.all).toBe(0);
    const result = JSON.parse(run.stdout) as AskJson;
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(result).toMatchObject({ provider: 'llama_cpp', ok: true, target: 'llama_cpp/smollm2-135m-instruct/openai-chat' });
    expect(FINISH_REASONS).toContain(result.finishReason);
    expectUsage(result);
    expect(result.latencyMs).toBeGreaterThan(0);
    expect(result.serverTimings?.predictedTokens).toBe(result.usage?.output);
  });

  it('--format json-pretty is indented JSON; --format plain is the same answer text and nothing else (temperature 0 + seed)', async () => {
    const pretty = await ask([...LOCAL, ...SAMPLING, '--format', 'json-pretty', PROMPT]);
    expect(pretty.exitCode, pretty.all).toBe(0);
    expect(pretty.stdout).toMatch(/^\{\n {2}"target": /);
    const result = JSON.parse(pretty.stdout) as AskJson;
    const plain = await ask([...LOCAL, ...SAMPLING, '--format', 'plain', PROMPT]);
    expect(plain.exitCode, plain.all).toBe(0);
    expect(plain.stdout).toBe(result.text ?? '');
    expect(plain.stdout).not.toMatch(/── llama_cpp|tokens \d+ in \//);
  });

  it('--format pretty (default): header, answer, then finish reason, usage and latency', async () => {
    const run = await ask([...LOCAL, ...SAMPLING, PROMPT]);
    expect(run.exitCode, run.all).toBe(0);
    expect(run.stdout).toMatch(/^── llama_cpp\/smollm2-135m-instruct\/openai-chat\n/);
    expect(run.stdout).toMatch(/\nfinish (stop|length)[^\n]* · tokens \d+ in \/ \d+ out \/ \d+ total · \d+(\.\d+)? m?s\n/);
  });

  it('--stream: tokens printed as they arrive, then TTFT, tokens/s and the server\'s own timings', async () => {
    const run = await ask([...LOCAL, '--stream', '--max-tokens', '24', PROMPT]);
    expect(run.exitCode, run.all).toBe(0);
    expect(run.stdout).toMatch(/^── llama_cpp\/smollm2-135m-instruct\/openai-chat\n/);
    expect(run.stdout).toMatch(/\nstream: TTFT \d+(\.\d+)? m?s · (\d+\.\d tok\/s|tok\/s —[^·]*) · \d+ deltas\n/);
    expect(run.stdout).toMatch(/\nserver timings: prompt \d+ tok in [\d.]+ m?s · \d+ tok in [\d.]+ m?s/);
  });

  it('--stream --format json: TTFT measured by us is never below the server\'s own prompt time', async () => {
    const run = await ask([...LOCAL, '--stream', '--max-tokens', '24', '--format', 'json', PROMPT]);
    expect(run.exitCode, run.all).toBe(0);
    const result = JSON.parse(run.stdout) as AskJson;
    expect(FINISH_REASONS).toContain(result.finishReason);
    expectUsage(result);
    expect(result.stream?.deltas).toBeGreaterThan(0);
    expect(result.stream?.ttftMs).toBeGreaterThan(0);
    expect(result.serverTimings?.promptMs).toBeGreaterThan(0);
    expect(result.stream?.ttftMs).toBeGreaterThanOrEqual(result.serverTimings?.promptMs ?? Infinity);
  });

  it('every protocol of llama_cpp at once: one result per protocol; a parameter the protocol cannot carry is refused as unrepresentable with a fix', async () => {
    const run = await ask([...LOCAL, '--protocol', 'openai-chat,openai-responses,anthropic-messages', '--max-tokens', '8', '--temperature', '0', '--format', 'json', PROMPT]);
    expect(run.exitCode, run.all).toBe(1);
    const results = JSON.parse(run.stdout) as AskJson[];
    expect(results.map((result) => result.target.split('/')[2])).toEqual(['openai-chat', 'openai-responses', 'anthropic-messages']);
    for (const result of results.slice(0, 2)) {
      expect(result.ok, JSON.stringify(result.error)).toBe(true);
      expect(FINISH_REASONS).toContain(result.finishReason);
      expectUsage(result);
    }
    // The Messages API (as this adapter speaks it) has no temperature: refused, never dropped silently.
    expect(results[2]).toMatchObject({ ok: false, error: { kind: 'unrepresentable' } });
    expect(results[2]?.error?.fix).toContain('--protocol');
  });

  it('two providers side by side: llama_cpp and embedded in parallel (pretty table, and one JSON array)', async () => {
    const table = await ask(['--provider', 'llama_cpp,embedded', '--local', 'llama_cpp', ...SAMPLING, PROMPT]);
    expect(table.exitCode, table.all).toBe(0);
    const header = table.stdout.split('\n').find((line) => line.includes('llama_cpp/smollm2-135m-instruct/openai-chat')) ?? '';
    expect(header).toContain('embedded/smollm2-135m-instruct/embedded');
    expect(table.stdout.match(/finish (stop|length)/g)).toHaveLength(2);

    const json = await ask(['--provider', 'llama_cpp,embedded', '--local', 'llama_cpp', '--stream', ...SAMPLING, '--format', 'json', PROMPT]);
    expect(json.exitCode, json.all).toBe(0);
    const results = JSON.parse(json.stdout) as AskJson[];
    expect(results.map((result) => result.provider)).toEqual(['llama_cpp', 'embedded']);
    for (const result of results) {
      expect(result.ok).toBe(true);
      expect(FINISH_REASONS).toContain(result.finishReason);
      expectUsage(result);
      expect(result.stream?.ttftMs).toBeGreaterThan(0);
    }
  });

  it('reads the prompt from stdin (embedded, plain)', async () => {
    const run = await execa(process.execPath, [CLI, 'ask', '--provider', 'embedded', '--max-tokens', '4', '--format', 'json'], { cwd: ROOT, reject: false, input: PROMPT });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ provider: 'embedded', ok: true });
  });

  it('errors print the normalized kind and a fix: missing key names the variable; an unknown model lists what the endpoint serves', async () => {
    const missing = await ask(['--provider', 'openai', PROMPT]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain('✗ missing_credentials');
    expect(missing.stdout).toContain('fix: set OPENAI_API_KEY');

    const unknown = await ask(['--provider', 'embedded', '--model', 'no-such-model', '--format', 'json', PROMPT]);
    expect(unknown.exitCode).toBe(1);
    const result = JSON.parse(unknown.stdout) as AskJson;
    expect(result.error?.kind).toBe('model_not_found');
    expect(result.error?.fix).toBe('model "no-such-model" is not served: the endpoint lists: smollm2-135m-instruct — pass one with --model');
  });

  it('usage errors exit 2 with a suggestion; no prompt at all is a usage error too', async () => {
    const typo = await ask(['--provider', 'llama_cp', PROMPT]);
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toContain('Did you mean "llama_cpp"?');
    const format = await ask(['--format', 'yaml', PROMPT]);
    expect(format.exitCode).toBe(2);
    const empty = await execa(process.execPath, [CLI, 'ask', '--provider', 'embedded'], { cwd: ROOT, reject: false, input: '' });
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toContain('no prompt');
  });

  it('Ctrl-C during --stream aborts cleanly: exit 130, and the launched llama-server is stopped', async () => {
    const child = execa(process.execPath, [CLI, 'ask', ...LOCAL, '--stream', '--max-tokens', '2000', 'Count from 1 to 1000, one number per line.'], { cwd: ROOT, reject: false, all: true });
    let stdout = '';
    let port: string | undefined;
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        port ??= /llama_cpp: http:\/\/127\.0\.0\.1:(\d+)/.exec(chunk.toString())?.[1];
      });
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.startsWith('── ')) resolve();
      });
      void child.then((result) => reject(new Error(`the CLI exited before streaming: ${result.all ?? ''}`)));
    });
    child.kill('SIGINT');
    const run = await child;
    expect(run.exitCode, run.all).toBe(130);
    expect(run.stderr).toContain('aborted (Ctrl-C)');
    expect(port).toBeDefined();
    await expect(fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
  });
});
