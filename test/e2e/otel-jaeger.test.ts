import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryTraces, startJaeger, tagOf, type JaegerSpan, type JaegerTrace, type RunningJaeger } from '../../harness/testing/live-jaeger.ts';
import { ensureTestSetup } from '../setup-tools.ts';
import { readResults, runCli, tempReportDir } from './cli-process.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('verify --otlp: a real run exported to a real Jaeger (built from its Go module) and read back through its query API', () => {
  const reportDir = tempReportDir();
  let jaeger: RunningJaeger | undefined;
  let exitCode: number | undefined;
  let output = '';
  let runDir = '';
  let traces: JaegerTrace[] = [];

  beforeAll(async () => {
    const binary = await ensureTestSetup('jaeger.sh');
    jaeger = await startJaeger(binary, join(reportDir, 'jaeger.log'));
    const result = await runCli(['verify', '--suite', 'core', '--test', 'basic_chat,max_tokens', '--provider', 'embedded', '--report-dir', reportDir, '--otlp', jaeger.otlpUrl]);
    exitCode = result.exitCode;
    output = result.all ?? '';
    runDir = join(reportDir, readdirSync(reportDir).find((name) => name !== 'latest' && name !== 'jaeger.log') ?? 'missing');
    // The exporters flush before the CLI exits; the receiver's batch processor stores within ~200 ms.
    for (let attempt = 0; attempt < 40; attempt += 1) {
      traces = await queryTraces(jaeger.queryUrl, 'llm-verify');
      if (traces.some((trace) => trace.spans.length >= 5)) break;
      await sleep(250);
    }
  });

  afterAll(async () => {
    await jaeger?.stop();
  });

  const spans = (): JaegerSpan[] => traces.flatMap((trace) => trace.spans);
  const parentOf = (span: JaegerSpan) => span.references?.find((reference) => reference.refType === 'CHILD_OF')?.spanID;

  it('the run produced one trace: run span > one span per cell > one GenAI client span per request', () => {
    expect([0, 1], output).toContain(exitCode);
    expect(output).toContain('tracing: OpenTelemetry GenAI spans to');
    const cells = readResults(runDir).cells;
    expect(cells).toHaveLength(2);
    expect(traces).toHaveLength(1);
    const run = spans().filter((span) => span.operationName === 'llm-verify verify');
    expect(run).toHaveLength(1);
    const runSpan = run[0]!;
    expect(parentOf(runSpan)).toBeUndefined();
    expect(tagOf(runSpan, 'llm_verify.run.id')).toBe(readResults(runDir).run.runId);
    const cellSpans = spans().filter((span) => span.operationName.startsWith('core.'));
    expect(cellSpans.map((span) => span.operationName).sort()).toEqual(['core.basic_chat', 'core.max_tokens']);
    for (const cell of cellSpans) {
      expect(parentOf(cell)).toBe(runSpan.spanID);
      expect(tagOf(cell, 'llm_verify.verdict')).toBe(cells.find((result) => `core.${result.test}` === cell.operationName)?.verdict);
    }
    const requests = spans().filter((span) => span.operationName === 'chat smollm2-135m-instruct');
    expect(requests.length).toBeGreaterThanOrEqual(2);
    for (const request of requests) expect(cellSpans.map((cell) => cell.spanID)).toContain(parentOf(request));
    for (const cell of cellSpans) expect(requests.some((request) => parentOf(request) === cell.spanID)).toBe(true);
  });

  it('request spans carry the GenAI attributes the wire gave, and no message content by default', () => {
    const requests = spans().filter((span) => span.operationName === 'chat smollm2-135m-instruct');
    for (const span of requests) {
      expect(tagOf(span, 'span.kind')).toBe('client');
      expect(tagOf(span, 'gen_ai.operation.name')).toBe('chat');
      expect(tagOf(span, 'gen_ai.provider.name')).toBe('embedded');
      expect(tagOf(span, 'gen_ai.request.model')).toBe('smollm2-135m-instruct');
      expect(tagOf(span, 'llm_verify.protocol')).toBe('embedded');
      expect(String(tagOf(span, 'gen_ai.response.finish_reasons'))).toMatch(/stop|length|maxTokens|eogToken/);
      expect(Number(tagOf(span, 'gen_ai.usage.input_tokens'))).toBeGreaterThan(0);
      expect(Number(tagOf(span, 'gen_ai.usage.output_tokens'))).toBeGreaterThan(0);
      expect(tagOf(span, 'gen_ai.input.messages')).toBeUndefined();
      expect(tagOf(span, 'gen_ai.output.messages')).toBeUndefined();
    }
    const maxTokens = requests.filter((span) => tagOf(span, 'gen_ai.request.max_tokens') !== undefined);
    expect(maxTokens.length).toBeGreaterThan(0);
  });
});
