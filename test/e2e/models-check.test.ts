import type { RunningServer } from '../../harness/endpoints/llama-server-launcher.ts';
import { freeLoopbackPort } from '../../harness/endpoints/free-port.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-process.ts';
import { startTestLlamaServer } from './test-llama-server.ts';

const KEY = 'e2e-check-key-5b8e1c0d7a3f9e24';
const WRONG = 'e2e-wrong-key-0f1e2d3c4b5a6978';
/** Cloud keys emptied so only what a test sets counts as configured. */
const QUIET = { OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '', GEMINI_API_KEY: '', GOOGLE_API_KEY: '', OPENROUTER_API_KEY: '', AWS_ACCESS_KEY_ID: '', AWS_PROFILE: '', AWS_BEARER_TOKEN_BEDROCK: '', LLAMA_CPP_BASE_URL: '', LLAMA_CPP_API_KEY: '' };

describe('models <provider> (real llama-server via --local, and embedded)', () => {
  it('merges the endpoint\'s listing with the pinned metadata', async () => {
    const run = await runCli(['models', 'llama_cpp', '--local', 'llama_cpp'], QUIET);
    expect(run.exitCode, run.all).toBe(0);
    expect(run.stdout).toMatch(/^llama_cpp — llama\.cpp server at http:\/\/127\.0\.0\.1:\d+ \(local\)\nlisting: 1 model\(s\) over openai-chat\n/);
    expect(run.stdout).toMatch(/ {2}smollm2-135m-instruct {2}pinned \+ listed +ctx 4096 · declared: chat, system_prompt/);
  });

  it('--json: rows with pinned/listed flags and declared capabilities', async () => {
    const run = await runCli(['models', 'embedded', '--json'], QUIET);
    expect(run.exitCode, run.all).toBe(0);
    const doc = JSON.parse(run.stdout) as { provider: string; listing: { ok: boolean; count: number }; models: Array<{ id: string; pinned: boolean; listed: boolean; declared: Record<string, boolean> }> };
    expect(doc).toMatchObject({ provider: 'embedded', listing: { ok: true, count: 1 } });
    expect(doc.models).toEqual([expect.objectContaining({ id: 'smollm2-135m-instruct', pinned: true, listed: true })]);
    expect(doc.models[0]?.declared.tool_choice).toBe(false);
  });

  it('a dead endpoint: pinned models shown as "listing unavailable", the error kind and a fix, exit 1', async () => {
    const port = await freeLoopbackPort();
    const run = await runCli(['models', 'llama_cpp'], { ...QUIET, LLAMA_CPP_BASE_URL: `http://127.0.0.1:${port}` });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('✗ listing unavailable: network');
    expect(run.stdout).toContain(`fix: nothing answers at http://127.0.0.1:${port}`);
    expect(run.stdout).toContain('pinned (listing unavailable)');
  });

  it('an unknown provider is a usage error with a suggestion', async () => {
    const run = await runCli(['models', 'olama'], QUIET);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Did you mean "ollama"?');
  });
});

describe('check (a real llama-server with an API key)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestLlamaServer(KEY);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('good key: ✓ with credentials (names only), reachable, auth accepted, a 1-token answer', async () => {
    const run = await runCli(['check', 'llama_cpp'], { ...QUIET, LLAMA_CPP_BASE_URL: server.baseUrl, LLAMA_CPP_API_KEY: KEY });
    expect(run.exitCode, run.all).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^✓ llama_cpp +${server.baseUrl.replace(/[.]/g, '\\.')} · key LLAMA_CPP_API_KEY · reachable \\(1 model\\) · auth accepted · smollm2-135m-instruct answered \\(finish (stop|length), \\d+ ms\\)`));
    expect(run.all).not.toContain(KEY);
  });

  it('bad key: ✗ auth rejected (HTTP 401) and "the key was rejected", exit 1, neither key printed', async () => {
    const run = await runCli(['check', 'llama_cpp'], { ...QUIET, LLAMA_CPP_BASE_URL: server.baseUrl, LLAMA_CPP_API_KEY: WRONG });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^✗ llama_cpp .* · auth rejected\n {4}auth \(HTTP 401\): /);
    expect(run.stdout).toContain('fix: the key was rejected: check LLAMA_CPP_API_KEY');
    expect(run.all).not.toContain(WRONG);
    expect(run.all).not.toContain(KEY);
  });

  it('dead port: ✗ unreachable (network) with the set-up hint, exit 1', async () => {
    const port = await freeLoopbackPort();
    const run = await runCli(['check', 'llama_cpp'], { ...QUIET, LLAMA_CPP_BASE_URL: `http://127.0.0.1:${port}` });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^✗ llama_cpp .* · unreachable\n {4}network: /);
    expect(run.stdout).toContain('fix: nothing answers at');
    expect(run.stdout).toContain('--local llama_cpp');
  });

  it('no names: checks every configured provider (here llama_cpp and embedded), lists the rest as not configured; --json', async () => {
    const run = await runCli(['check', '--json'], { ...QUIET, LLAMA_CPP_BASE_URL: server.baseUrl, LLAMA_CPP_API_KEY: KEY });
    expect(run.exitCode, run.all).toBe(0);
    const doc = JSON.parse(run.stdout) as { checks: Array<{ provider: string; ok: boolean; credentials: string[]; authAccepted?: boolean }>; notConfigured: string[] };
    expect(doc.checks.map((check) => [check.provider, check.ok])).toEqual([
      ['embedded', true],
      ['llama_cpp', true],
    ]);
    expect(doc.checks[1]).toMatchObject({ credentials: ['LLAMA_CPP_API_KEY'], authAccepted: true });
    expect(doc.notConfigured).toContain('openai');
    expect(run.stdout).not.toContain(KEY);
  });

  it('a named provider without its key: ✗ missing_credentials naming the variable', async () => {
    const run = await runCli(['check', 'anthropic'], QUIET);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('✗ anthropic');
    expect(run.stdout).toContain('fix: set ANTHROPIC_API_KEY');
  });
});
