import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import type { ChatResponse } from '../contract/chat.ts';
import { VerifyError } from '../contract/verify-error.ts';
import { createFakeProtocolClient } from '../testing/fake-protocol-client.ts';
import { withCellSpan } from './cell-span.ts';
import { tracingClient } from './genai-client.ts';
import { runContext, startRunSpan } from './run-span.ts';
import { telemetryFromArgs } from './settings.ts';
import { startTelemetry } from './tracer.ts';

const answer: ChatResponse = { text: 'Paris', toolCalls: [], finishReason: 'stop', rawFinishReason: 'stop', usage: { input: 12, output: 3 }, id: 'resp-1', model: 'smollm2-served' };
const request = { model: 'smollm2', messages: [{ role: 'system' as const, content: 'Be brief.' }, { role: 'user' as const, content: 'Capital of France?' }], maxTokens: 16, temperature: 0, seed: 42 };
const cell = { id: 'c1', suite: 'core', test: 'basic_chat', provider: 'llama_cpp', model: 'smollm2', protocol: 'openai-chat' };
const endpoint = { providerId: 'llama_cpp', baseUrl: 'http://127.0.0.1:8080/v1' };

async function tracedRun(content: boolean, script = [{ response: answer }, { events: [{ type: 'start' as const, id: 's1' }, { type: 'text_delta' as const, text: 'Par' }, { type: 'text_delta' as const, text: 'is' }, { type: 'usage' as const, usage: { input: 12, output: 2 } }, { type: 'done' as const, finishReason: 'stop' as const, rawFinishReason: 'stop' }] }]) {
  const exporter = new InMemorySpanExporter();
  const telemetry = startTelemetry({ content }, { exporter });
  const run = startRunSpan(telemetry, { runId: 'r1' });
  const client = tracingClient(createFakeProtocolClient(script), endpoint, telemetry);
  await withCellSpan(telemetry, runContext(run.traceparent), cell, async () => {
    await client.chat(request).catch(() => undefined);
    if (script.length > 1) for await (const _event of client.stream(request)) void _event;
    return { runId: 'r1', suite: 'core', test: 'basic_chat', provider: 'llama_cpp', model: 'smollm2', protocol: 'openai-chat', assertion: 'protocol', tags: [], verdict: 'pass', durationMs: 1, startedAt: '' };
  });
  run.end({ cells: 1, failing: 0, exitCode: 0 });
  await telemetry.flush(); // (shutdown would also reset the in-memory exporter)
  return exporter.getFinishedSpans();
}

describe('GenAI spans (in-memory exporter, fake client)', () => {
  it('run span > cell span > one client span per request, with the GenAI attributes', async () => {
    const spans = await tracedRun(false);
    const runSpan = spans.find((span) => span.name === 'llm-verify verify');
    const cellSpan = spans.find((span) => span.name === 'core.basic_chat');
    const requests = spans.filter((span) => span.name === 'chat smollm2');
    expect(runSpan && cellSpan).toBeTruthy();
    expect(requests).toHaveLength(2);
    expect(cellSpan?.parentSpanContext?.spanId).toBe(runSpan?.spanContext().spanId);
    for (const span of requests) {
      expect(span.parentSpanContext?.spanId).toBe(cellSpan?.spanContext().spanId);
      expect(span.spanContext().traceId).toBe(runSpan?.spanContext().traceId);
      expect(span.kind).toBe(SpanKind.CLIENT);
      expect(span.attributes).toMatchObject({
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'llama_cpp',
        'gen_ai.request.model': 'smollm2',
        'gen_ai.request.max_tokens': 16,
        'gen_ai.response.finish_reasons': ['stop'],
        'gen_ai.usage.input_tokens': 12,
        'server.address': '127.0.0.1',
        'server.port': 8080,
      });
      // content is off by default
      expect(span.attributes['gen_ai.input.messages']).toBeUndefined();
      expect(span.attributes['gen_ai.output.messages']).toBeUndefined();
    }
    const [chat, stream] = requests;
    expect(chat?.attributes['gen_ai.response.model']).toBe('smollm2-served');
    expect(chat?.attributes['gen_ai.usage.output_tokens']).toBe(3);
    expect(chat?.attributes['gen_ai.response.time_to_first_chunk']).toBeUndefined();
    expect(stream?.attributes['gen_ai.response.time_to_first_chunk']).toEqual(expect.any(Number));
    expect(stream?.attributes['gen_ai.usage.output_tokens']).toBe(2);
    expect(cellSpan?.attributes['llm_verify.verdict']).toBe('pass');
  });

  it('message content only with --otel-content', async () => {
    const spans = await tracedRun(true);
    const chat = spans.find((span) => span.name === 'chat smollm2');
    expect(JSON.parse(String(chat?.attributes['gen_ai.input.messages']))).toEqual([{ role: 'user', parts: [{ type: 'text', content: 'Capital of France?' }] }]);
    expect(JSON.parse(String(chat?.attributes['gen_ai.system_instructions']))).toEqual([{ type: 'text', content: 'Be brief.' }]);
    expect(JSON.parse(String(chat?.attributes['gen_ai.output.messages']))).toEqual([{ role: 'assistant', parts: [{ type: 'text', content: 'Paris' }], finish_reason: 'stop' }]);
  });

  it('a failed request records error.type and an error status; absent usage stays absent', async () => {
    const client = createFakeProtocolClient([]);
    const failing = { ...client, chat: () => Promise.reject(new VerifyError({ kind: 'server', layer: 'infra', status: 500, message: 'HTTP 500' })) };
    const exporter = new InMemorySpanExporter();
    const telemetry = startTelemetry({ content: false }, { exporter });
    await expect(tracingClient(failing, endpoint, telemetry).chat(request)).rejects.toThrow('HTTP 500');
    await telemetry.flush(); // (shutdown would also reset the in-memory exporter)
    const [span] = exporter.getFinishedSpans();
    expect(span?.attributes['error.type']).toBe('server');
    expect(span?.status.code).toBe(2);
    expect(span?.attributes['gen_ai.usage.input_tokens']).toBeUndefined();
  });

  it('without an exporter nothing is traced: the client is returned unchanged', () => {
    const telemetry = startTelemetry({ content: false });
    const client = createFakeProtocolClient([]);
    expect(telemetry.tracer).toBeUndefined();
    expect(tracingClient(client, endpoint, telemetry)).toBe(client);
  });
});

describe('telemetryFromArgs', () => {
  it('--otlp with no path gets /v1/traces; a path is kept; the env var is a base URL', () => {
    expect(telemetryFromArgs({ otlp: 'http://127.0.0.1:4318' }, {})).toEqual({ otlpTracesUrl: 'http://127.0.0.1:4318/v1/traces', content: false });
    expect(telemetryFromArgs({ otlp: 'http://collector:4318/custom/traces' }, {}).otlpTracesUrl).toBe('http://collector:4318/custom/traces');
    expect(telemetryFromArgs({}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318/base' }).otlpTracesUrl).toBe('http://otel:4318/base/v1/traces');
    expect(telemetryFromArgs({ otelContent: true }, {})).toEqual({ content: true });
  });

  it('a bad URL is a usage error that says what to give', () => {
    expect(() => telemetryFromArgs({ otlp: 'localhost:4318' }, {})).toThrow(/OTLP\/HTTP|http\(s\)/);
    expect(() => telemetryFromArgs({ otlp: 'not a url' }, {})).toThrow(/is not a URL/);
  });
});
