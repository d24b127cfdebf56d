import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellResult } from '../../harness/verdicts/verdict.ts';
import { readResults, runCli, runFolder, tempReportDir, validateJunit } from './cli-process.ts';

// The master key the harness-launched proxy is started with (LITELLM_API_KEY is the user's key; the
// launcher makes it the proxy's master key). It must reach the proxy and appear in no output.
const MASTER_KEY = 'sk-e2e-litellm-master-5d2c8e1f9a7b3c40';
const PROTOCOLS = ['openai-chat', 'openai-responses', 'anthropic-messages', 'gemini'];
const TESTS_PER_PROTOCOL = 19;

/** The key in every encoding a leak could take: plain, base64, base64url, hex, URL-encoded. */
function encodings(secret: string): string[] {
  const bytes = Buffer.from(secret);
  return [secret, bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex'), encodeURIComponent(secret)];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const liteLlmTempDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('llm-verify-litellm-'));

describe('verify --provider litellm --local litellm --suite core,streaming (real LiteLLM proxy → real llama-server)', () => {
  const reportDir = tempReportDir();
  let exitCode: number | undefined;
  let output = '';
  let runDir = '';
  let cells: CellResult[] = [];
  let tempBefore: string[] = [];

  beforeAll(async () => {
    tempBefore = liteLlmTempDirs();
    // anthropic-messages and gemini carry no seed here: llama-server's default temperature 0 keeps every protocol greedy.
    const result = await runCli(['verify', '--provider', 'litellm', '--local', 'litellm', '--suite', 'core,streaming', '--report-dir', reportDir], {
      LITELLM_API_KEY: MASTER_KEY,
      LLAMA_ARG_TEMPERATURE: '0',
    });
    exitCode = result.exitCode;
    output = result.all ?? '';
    runDir = runFolder(reportDir);
    cells = readResults(runDir).cells;
  });

  const cell = (protocol: string, test: string) => cells.find((entry) => entry.protocol === protocol && entry.test === test);
  const verdictOf = (protocol: string, test: string) => {
    const found = cell(protocol, test);
    return `${found?.verdict}${found?.layer ? ` [${found.layer}]` : ''}`;
  };

  it('gives every cell a verdict on all four protocols, none of them our own bug, and stops both servers', () => {
    expect([0, 1], output).toContain(exitCode);
    expect(cells).toHaveLength(PROTOCOLS.length * TESTS_PER_PROTOCOL);
    for (const protocol of PROTOCOLS) expect(cells.filter((entry) => entry.protocol === protocol), protocol).toHaveLength(TESTS_PER_PROTOCOL);
    for (const entry of cells) expect(entry.layer, `${entry.protocol} ${entry.test}: ${entry.message}`).not.toBe('harness');
    // The proxy's private config folder is removed when the launcher stops it.
    expect(liteLlmTempDirs().filter((name) => !tempBefore.includes(name))).toEqual([]);
  });

  it('names the gateway, its version and its upstream: the matrix says what each row verifies', () => {
    const document = readResults(runDir);
    expect(document.run.endpointVersions.litellm).toBe('LiteLLM 1.108.7');
    const matrix = readFileSync(join(runDir, 'matrix.md'), 'utf8');
    for (const protocol of PROTOCOLS) expect(matrix).toContain(`${protocol} protocol as served by LiteLLM 1.108.7 → llama-server`);
  });

  it('records the protocol facts of the gateway, which do not depend on what the model writes', () => {
    for (const protocol of PROTOCOLS) {
      expect(verdictOf(protocol, 'health_check'), `${protocol}: ${cell(protocol, 'health_check')?.message}`).toBe('pass');
      expect(verdictOf(protocol, 'invalid_model'), `${protocol}: ${cell(protocol, 'invalid_model')?.message}`).toBe('pass');
    }
    for (const protocol of ['openai-chat', 'openai-responses', 'anthropic-messages']) {
      expect(verdictOf(protocol, 'list_models'), `${protocol}: ${cell(protocol, 'list_models')?.message}`).toBe('pass');
    }
    // LiteLLM serves no GET /v1beta/models: declared, so unsupported rather than a failure.
    expect(verdictOf('gemini', 'list_models')).toBe('unsupported');
  });

  it('reports the gateway defect of a wrong key as its own protocol failure (HTTP 400 "No connected db." instead of 401)', () => {
    for (const protocol of PROTOCOLS) {
      const found = cell(protocol, 'bad_credentials');
      expect(verdictOf(protocol, 'bad_credentials'), `${protocol}: ${found?.message}`).toBe('fail [protocol]');
      expect(found?.message).toMatch(/expected auth .*HTTP 400.*No connected db/);
    }
  });

  it("reports the gateway's own translation defects, seen on the wire, as the endpoint's protocol failures", () => {
    // openai-chat streaming: llama-server ends with a usage chunk whose choices array is empty; LiteLLM
    // re-emits it with choices [{"index":0,"delta":{}}].
    const order = cell('openai-chat', 'event_order');
    expect(verdictOf('openai-chat', 'event_order'), order?.message).toBe('fail [protocol]');
    expect(order?.message).toContain('the usage chunk');
    expect(order?.message).toContain('expected an empty choices array');
    // /v1/responses and /v1/messages (which LiteLLM routes through its Responses translation for an
    // openai/ backend) raise max_output_tokens below 16 to 16: the limit of 5 is not honoured.
    for (const protocol of ['openai-responses', 'anthropic-messages']) {
      const cut = cell(protocol, 'max_tokens');
      expect(verdictOf(protocol, 'max_tokens'), `${protocol}: ${cut?.message}`).toBe('fail [protocol]');
      expect(cut?.details?.outputTokens, protocol).toBeGreaterThan(5);
    }
    // The same limit through openai-chat and gemini reaches llama-server and is honoured.
    for (const protocol of ['openai-chat', 'gemini']) expect(verdictOf(protocol, 'max_tokens'), `${protocol}: ${cell(protocol, 'max_tokens')?.message}`).toBe('pass');
  });

  it('verifies the gemini protocol live through the gateway: generateContent and streamGenerateContent', () => {
    for (const test of ['basic_chat', 'usage_accounting', 'basic_streaming', 'usage_in_stream', 'event_order', 'stream_abort']) {
      expect(verdictOf('gemini', test), `gemini ${test}: ${cell('gemini', test)?.message}`).toBe('pass');
    }
  });

  it('used the master key and wrote it nowhere: no report file, server log or console line holds it in any encoding', async () => {
    // The key reached the proxy: without it every call is refused with 401.
    expect(verdictOf('openai-chat', 'basic_chat'), cell('openai-chat', 'basic_chat')?.message).not.toMatch(/auth/);
    const files = filesUnder(reportDir);
    expect(files.some((file) => file.endsWith('litellm-server.log'))).toBe(true);
    for (const encoded of encodings(MASTER_KEY)) {
      expect(output.includes(encoded), `console holds the key (${encoded})`).toBe(false);
      for (const file of files) expect(readFileSync(file, 'utf8').includes(encoded), `${file} holds the key (${encoded})`).toBe(false);
    }
    expect(await validateJunit(join(runDir, 'junit.xml'))).toEqual({ valid: true, errors: [] });
  });
});

describe('verify --provider litellm --local litellm --suite tools with the forcing template (tool calls through the gateway, gemini included)', () => {
  let cells: CellResult[] = [];
  let output = '';

  beforeAll(async () => {
    const reportDir = tempReportDir();
    // The template makes llama-server's call deterministic for tool_choice "required" with get_time declared.
    const result = await runCli(
      ['verify', '--provider', 'litellm', '--local', 'litellm', '--suite', 'tools', '--test', 'tool_choice_required,tool_choice_specific', '--report-dir', reportDir],
      { LITELLM_API_KEY: MASTER_KEY, LLAMA_ARG_TEMPERATURE: '0', LLAMA_CPP_CHAT_TEMPLATE_FILE: 'fixtures/chat-templates/smollm2-required-get-time.jinja' },
    );
    output = result.all ?? '';
    cells = readResults(runFolder(reportDir)).cells;
  });

  const cell = (protocol: string, test: string) => cells.find((entry) => entry.protocol === protocol && entry.test === test);

  it('carries a forced call through all four protocols: tool_choice "required" / mode ANY reaches llama-server and the call comes back', () => {
    expect(cells, output).toHaveLength(8);
    for (const protocol of PROTOCOLS) {
      const found = cell(protocol, 'tool_choice_required');
      expect(`${found?.verdict} ${found?.layer ?? ''}`, `${protocol}: ${found?.message}`).toBe('pass ');
    }
  });

  it("reports the gateway's gemini translation defect: allowedFunctionNames is dropped (mode ANY becomes \"required\"), so the call is not to the named tool", () => {
    // litellm/google_genai/adapters/transformation.py maps functionCallingConfig.mode alone: {"ANY": "required"}.
    const found = cell('gemini', 'tool_choice_specific');
    expect(`${found?.verdict} [${found?.layer}]`, found?.message).toBe('fail [protocol]');
    expect(found?.message).toMatch(/tool_choice named get_weather, but the response calls get_time/);
  });
});
