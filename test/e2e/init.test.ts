import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { execaSync } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../harness/endpoints/llama-server-launcher.ts';
import { runCli } from './cli-process.ts';
import { startPtyCli, stripAnsi } from './pty-session.ts';
import { startTestLlamaServer } from './test-llama-server.ts';

const KEY = 'e2e-init-key-9d2c4e6f8a0b1c3d';
const UNRELATED = '# my own settings\nMY_TOOL_TOKEN=unrelated-value   # keep me\n';
/** Nothing from the calling shell may count as already configured. */
const CLEAN = { LLAMA_CPP_BASE_URL: '', LLAMA_CPP_API_KEY: '', OPENAI_API_KEY: '' };

const ENTER = '\r';
const SPACE = ' ';
const CTRL_C = '\u0003';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'llm-verify-init-'));
}

function gitRepoWithTrackedEnv(): string {
  const dir = tempDir();
  writeFileSync(join(dir, '.env'), UNRELATED);
  const git = (...args: string[]) => execaSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', ...args], { cwd: dir });
  git('init', '-q');
  git('add', '.env');
  git('commit', '-qm', 'tracked .env');
  return dir;
}

describe('init (real llama-server checked; .env written in a temp dir)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestLlamaServer(KEY);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('through a pseudo-terminal: choose llama_cpp, type URL and hidden key, check passes, .env updated with other lines kept, key never shown', async () => {
    const dir = tempDir();
    const envFile = join(dir, '.env');
    writeFileSync(envFile, UNRELATED);
    const session = startPtyCli(['init', '--dotenv', envFile], { cwd: dir, env: CLEAN });
    await session.waitFor('Which providers do you want to set up?');
    session.type(SPACE); // llama_cpp is the first entry
    session.type(ENTER);
    await session.waitFor('LLAMA_CPP_BASE_URL');
    session.type(`${server.baseUrl}${ENTER}`);
    await session.waitFor('LLAMA_CPP_API_KEY');
    session.type(`${KEY}${ENTER}`);
    await session.waitFor('wrote ');
    expect(await session.exited).toBe(0);
    const screen = stripAnsi(session.output());
    expect(screen).toMatch(/✓ llama_cpp .* auth accepted/);
    expect(screen).not.toContain(KEY);
    const text = readFileSync(envFile, 'utf8');
    expect(text.startsWith(UNRELATED)).toBe(true);
    expect(parse(text)).toEqual({ MY_TOOL_TOKEN: 'unrelated-value', LLAMA_CPP_BASE_URL: server.baseUrl, LLAMA_CPP_API_KEY: KEY });
  });

  it('through a pseudo-terminal: a git-tracked .env needs confirmation; "no" writes nothing', async () => {
    const dir = gitRepoWithTrackedEnv();
    const session = startPtyCli(['init', '--provider', 'llama_cpp', '--no-check'], { cwd: dir, env: CLEAN });
    await session.waitFor('LLAMA_CPP_BASE_URL');
    session.type(`${server.baseUrl}${ENTER}`);
    await session.waitFor('LLAMA_CPP_API_KEY');
    session.type(`${KEY}${ENTER}`);
    await session.waitFor('is tracked by git');
    session.type(`n${ENTER}`);
    expect(await session.exited).toBe(1);
    expect(stripAnsi(session.output())).toContain('nothing written');
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(UNRELATED);
  });

  it('through a pseudo-terminal: Ctrl-C cancels with exit 130 and writes nothing', async () => {
    const dir = tempDir();
    const session = startPtyCli(['init', '--dotenv', join(dir, '.env')], { cwd: dir, env: CLEAN });
    await session.waitFor('Which providers');
    session.type(CTRL_C);
    expect(await session.exited).toBe(130);
    expect(stripAnsi(session.output())).toContain('init cancelled; nothing written');
    expect(() => statSync(join(dir, '.env'))).toThrow();
  });

  it('without a terminal: says how to run non-interactively, exit 2 (never hangs)', async () => {
    const run = await runCli(['init'], CLEAN);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('init --provider llama_cpp --yes');
  });

  it('--provider llama_cpp --yes: values from the environment, checked, written (mode 600 for a new file), key not printed', async () => {
    const dir = tempDir();
    const envFile = join(dir, '.env');
    const run = await runCli(['init', '--provider', 'llama_cpp', '--yes', '--dotenv', envFile], { ...CLEAN, LLAMA_CPP_BASE_URL: server.baseUrl, LLAMA_CPP_API_KEY: KEY });
    expect(run.exitCode, run.all).toBe(0);
    expect(run.all).not.toContain(KEY);
    expect(run.stdout).toContain(`wrote ${envFile}: LLAMA_CPP_BASE_URL (added), LLAMA_CPP_API_KEY (added)`);
    expect(parse(readFileSync(envFile, 'utf8'))).toEqual({ LLAMA_CPP_BASE_URL: server.baseUrl, LLAMA_CPP_API_KEY: KEY });
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
  });

  it('--yes refuses a git-tracked file (exit 2) unless --allow-tracked; a missing required key is a usage error', async () => {
    const dir = gitRepoWithTrackedEnv();
    const env = { ...CLEAN, LLAMA_CPP_BASE_URL: server.baseUrl, LLAMA_CPP_API_KEY: KEY };
    const refused = await runCli(['init', '--provider', 'llama_cpp', '--yes', '--no-check', '--dotenv', join(dir, '.env')], env);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('is tracked by git');
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(UNRELATED);
    const allowed = await runCli(['init', '--provider', 'llama_cpp', '--yes', '--no-check', '--allow-tracked', '--dotenv', join(dir, '.env')], env);
    expect(allowed.exitCode, allowed.all).toBe(0);
    expect(parse(readFileSync(join(dir, '.env'), 'utf8')).LLAMA_CPP_API_KEY).toBe(KEY);

    const missing = await runCli(['init', '--provider', 'openai', '--yes', '--dotenv', join(tempDir(), '.env')], CLEAN);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('set OPENAI_API_KEY');
  });
});
