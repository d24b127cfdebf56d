import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../harness/reporters/journal.ts';
import { readResults, runCli, tempReportDir, validateJunit } from './cli-process.ts';

const KEY = 'e2e-secret-key-7c1d9f2a4b6e8d0c';
// anthropic-messages cannot carry a temperature, so llama-server would sample its answers at its
// default (0.8) and basic_chat's "stop within 64 tokens" would ride on luck; llama-server reads
// LLAMA_ARG_TEMPERATURE as its default, so every protocol decodes greedily here.
const GREEDY = { LLAMA_ARG_TEMPERATURE: '0' };

describe('verify --suite core --provider llama_cpp --local llama_cpp (real llama-server, real model)', () => {
  const reportDir = tempReportDir();
  let exitCode: number | undefined;
  let output = '';
  let runDir = '';

  beforeAll(async () => {
    const result = await runCli(['verify', '--suite', 'core', '--provider', 'llama_cpp', '--local', 'llama_cpp', '--report-dir', reportDir], { LLAMA_CPP_API_KEY: KEY, ...GREEDY });
    exitCode = result.exitCode;
    output = result.all ?? '';
    const runs = readdirSync(reportDir).filter((name) => name !== 'latest');
    runDir = join(reportDir, runs[0] ?? 'missing');
  });

  it('exits 0 or 1 (endpoint verdicts), never a usage error or a crash', () => {
    expect([0, 1], output).toContain(exitCode);
    expect(output).toMatch(/llm-verify: 36 cells: \d+ pass/);
  });

  it('gives every core test a verdict on each of the three protocols', () => {
    const results = readResults(runDir);
    expect(results.schemaVersion).toBe(1);
    expect(results.cells).toHaveLength(36);
    const rows = new Set(results.cells.map((cell) => cell.protocol));
    expect([...rows].sort()).toEqual(['anthropic-messages', 'openai-chat', 'openai-responses']);
    expect(results.run.endpointVersions.llama_cpp).toMatch(/llama\.cpp .*de3ff81|llama\.cpp/);
    expect(results.run.nodeVersion).toBe(process.version);
  });

  it('records the verdicts a real llama-server earns on checks that do not depend on the model', () => {
    const cells = readResults(runDir).cells;
    const verdict = (protocol: string, test: string) => cells.find((cell) => cell.protocol === protocol && cell.test === test)?.verdict;
    for (const protocol of ['openai-chat', 'openai-responses', 'anthropic-messages']) {
      expect(verdict(protocol, 'health_check')).toBe('pass');
      expect(verdict(protocol, 'list_models')).toBe('pass');
      expect(verdict(protocol, 'bad_credentials')).toBe('pass');
      expect(verdict(protocol, 'basic_chat')).toBe('pass');
      expect(verdict(protocol, 'usage_accounting')).toBe('pass');
      // Real gap of llama-server de3ff81: it answers whatever model a request names.
      expect(verdict(protocol, 'invalid_model')).toBe('fail');
    }
    expect(verdict('openai-chat', 'max_tokens')).toBe('pass');
    expect(verdict('anthropic-messages', 'max_tokens')).toBe('pass');
    // Real gap: /v1/responses reports status "completed" without incomplete_details when cut by max_output_tokens.
    const responsesMaxTokens = cells.find((cell) => cell.protocol === 'openai-responses' && cell.test === 'max_tokens');
    expect(responsesMaxTokens?.verdict).toBe('fail');
    expect(responsesMaxTokens?.layer).toBe('protocol');
    // Protocol gaps gate to unsupported, never a fake pass.
    expect(verdict('openai-responses', 'stop_sequences')).toBe('unsupported');
    expect(verdict('anthropic-messages', 'temperature_zero_determinism')).toBe('unsupported');
    // A failure always names its layer.
    for (const cell of cells.filter((entry) => entry.verdict === 'fail')) expect(cell.layer, cell.test).toBeDefined();
  });

  it('keeps the journal, JSON, JUnit and matrix in agreement', () => {
    const journal = readJournal(join(runDir, 'results.jsonl'));
    expect(journal).toHaveLength(36);
    const junit = readFileSync(join(runDir, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase /g)).toHaveLength(36);
    expect(junit.match(/<testsuite /g)).toHaveLength(3);
    expect(junit).toContain('classname="core.llama_cpp.smollm2-135m-instruct"');
    expect(junit).toContain('<property name="protocol" value="anthropic-messages"/>');
    const failures = journal.filter((cell) => cell.verdict === 'fail').length;
    expect(junit.match(/<failure /g)?.length ?? 0).toBe(failures);
    const matrix = readFileSync(join(runDir, 'matrix.md'), 'utf8');
    expect(matrix).toContain('| llama_cpp / smollm2-135m-instruct / openai-chat |');
    expect(matrix).toContain('**Legend:**');
    expect(readFileSync(join(runDir, 'matrix.html'), 'utf8')).toContain('<table class="matrix">');
  });

  it('writes JUnit that validates against the JUnit 10 schema', async () => {
    expect(await validateJunit(join(runDir, 'junit.xml'))).toEqual({ valid: true, errors: [] });
  });

  it('never writes the API key into reports, logs or console output', () => {
    expect(output).not.toContain(KEY);
    // Every file, transcripts of the failing cells included.
    const files = readdirSync(runDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.some((entry) => entry.parentPath.endsWith('transcripts'))).toBe(true);
    for (const entry of files) {
      expect(readFileSync(join(entry.parentPath, entry.name), 'utf8'), entry.name).not.toContain(KEY);
    }
  });
});
