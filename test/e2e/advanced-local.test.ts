import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResults, runCli, tempReportDir, validateJunit } from './cli-process.ts';

const KEY = 'e2e-advanced-key-3f9a1c7e5b2d8046';
// Greedy decoding on every protocol (anthropic-messages cannot carry a temperature).
const GREEDY = { LLAMA_ARG_TEMPERATURE: '0' };
const TESTS = ['structured_output_schema', 'structured_output_json_mode', 'embeddings', 'token_counting', 'context_limit', 'prompt_caching', 'concurrent_requests', 'reasoning', 'vision_input', 'pdf_input'];
const TARGETS = [
  'llama_cpp/smollm2-135m-instruct/openai-chat',
  'llama_cpp/smollm2-135m-instruct/openai-responses',
  'llama_cpp/smollm2-135m-instruct/anthropic-messages',
  'embedded/smollm2-135m-instruct/embedded',
];

/**
 * The advanced suite against the real local substrate: llama-server (plus its --embeddings server)
 * and node-llama-cpp. (Ollama's cells take another ~15 minutes on a loaded 2-core machine; they are
 * covered by the gating unit tests and the README's table, not here.) Only protocol facts are asserted: which cells a protocol or a
 * declaration makes unsupported, which wire checks hold, and which layer a failure may have —
 * never whether the 135M model's answer happens to be right.
 */
describe('verify --suite advanced --provider llama_cpp,embedded --local llama_cpp (real servers)', () => {
  const reportDir = tempReportDir();
  let exitCode: number | undefined;
  let output = '';
  let runDir = '';
  type Cell = ReturnType<typeof readResults>['cells'][number];
  let cells: Cell[] = [];
  const cell = (target: string, test: string): Cell => {
    const found = cells.find((entry) => `${entry.provider}/${entry.model}/${entry.protocol}` === target && entry.test === test);
    if (!found) throw new Error(`no cell ${target} ${test}`);
    return found;
  };
  const outcome = (target: string, test: string) => {
    const found = cell(target, test);
    return found.verdict === 'fail' ? `fail[${found.layer}]` : found.verdict;
  };

  beforeAll(async () => {
    // agent_* and mcp_* (the same suite) have their own e2e: only this ten tests run here.
    const args = ['verify', '--suite', 'advanced', '--test', TESTS.join(','), '--provider', 'llama_cpp,embedded', '--local', 'llama_cpp', '--report-dir', reportDir];
    const result = await runCli(args, { LLAMA_CPP_API_KEY: KEY, ...GREEDY });
    exitCode = result.exitCode;
    output = result.all ?? '';
    const runs = readdirSync(reportDir).filter((name) => name !== 'latest');
    runDir = join(reportDir, runs[0] ?? 'missing');
    cells = readResults(runDir).cells;
  }, 1_800_000);

  it('gives every cell a verdict on every protocol: pass, fail with a layer, or unsupported (no error, nothing skipped)', async () => {
    expect([0, 1], output).toContain(exitCode);
    expect(cells).toHaveLength(TESTS.length * TARGETS.length);
    for (const target of TARGETS) {
      for (const test of TESTS) {
        const found = cell(target, test);
        expect(['pass', 'fail', 'unsupported'], `${target} ${test}: ${found.verdict} ${found.message ?? ''}`).toContain(found.verdict);
        if (found.verdict === 'fail') expect(found.layer, `${target} ${test}`).toBeDefined();
      }
    }
    expect(await validateJunit(join(runDir, 'junit.xml'))).toEqual({ valid: true, errors: [] });
  });

  it('gates what a protocol cannot carry or a model declares absent to unsupported, and says media are not live-verified here', () => {
    for (const target of TARGETS) {
      for (const test of ['vision_input', 'pdf_input', 'reasoning']) expect(outcome(target, test), `${target} ${test}`).toBe('unsupported');
    }
    expect(outcome('llama_cpp/smollm2-135m-instruct/openai-chat', 'token_counting')).toBe('unsupported');
    expect(outcome('llama_cpp/smollm2-135m-instruct/openai-responses', 'embeddings')).toBe('unsupported');
    expect(outcome('llama_cpp/smollm2-135m-instruct/anthropic-messages', 'embeddings')).toBe('unsupported');
    expect(outcome('llama_cpp/smollm2-135m-instruct/anthropic-messages', 'structured_output_json_mode')).toBe('unsupported');
    expect(outcome('embedded/smollm2-135m-instruct/embedded', 'prompt_caching')).toBe('unsupported');
    // The matrix says why: media are mapped and unit-tested, not live-verified here.
    const matrix = JSON.parse(readFileSync(join(runDir, 'matrix.json'), 'utf8')) as { rows: Array<{ protocol: string; entries: Record<string, { message?: string }> }> };
    for (const row of matrix.rows) {
      for (const column of ['advanced.vision_input', 'advanced.pdf_input']) expect(row.entries[column]?.message, `${row.protocol} ${column}`).toMatch(/not live-verified here/);
    }
  });

  it('records the wire facts of the real servers (checks that do not depend on the model\'s answer)', () => {
    for (const target of TARGETS.filter((entry) => entry.startsWith('llama_cpp/'))) {
      // llama-server refuses an overlong prompt with its exceed_context_size_error (HTTP 400) and reports cached prompt tokens.
      expect(outcome(target, 'context_limit'), target).toBe('pass');
      expect(outcome(target, 'prompt_caching'), target).toBe('pass');
      expect(outcome(target, 'concurrent_requests'), target).toBe('pass');
      expect(cell(target, 'concurrent_requests').details?.parallel).toBe(2);
    }
    for (const target of ['llama_cpp/smollm2-135m-instruct/openai-responses', 'llama_cpp/smollm2-135m-instruct/anthropic-messages', 'embedded/smollm2-135m-instruct/embedded']) {
      expect(outcome(target, 'token_counting'), target).toBe('pass');
    }
    // The embedded adapter refuses a prompt over its context (node-llama-cpp alone would drop history).
    expect(outcome('embedded/smollm2-135m-instruct/embedded', 'context_limit')).toBe('pass');
    // Grammar-enforced JSON (llama-server's response_format, node-llama-cpp's grammar): a failure can
    // only be the model's (cut at max_tokens, wrong values), never the wire's.
    for (const target of ['llama_cpp/smollm2-135m-instruct/openai-chat', 'embedded/smollm2-135m-instruct/embedded']) {
      for (const test of ['structured_output_schema', 'structured_output_json_mode', 'embeddings']) {
        const found = cell(target, test);
        if (found.verdict === 'fail') expect(found.layer, `${target} ${test}: ${found.message}`).toBe('model');
      }
    }
    // Embeddings really ran on the second llama-server and on Ollama and embedded: deterministic vectors of the declared size.
    for (const target of ['llama_cpp/smollm2-135m-instruct/openai-chat', 'embedded/smollm2-135m-instruct/embedded']) {
      expect(cell(target, 'embeddings').details?.dimension, target).toBe(576);
    }
  });
});
