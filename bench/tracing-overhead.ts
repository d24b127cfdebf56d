import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import type { ChatResponse } from '../harness/contract/chat.ts';
import { withCellSpan } from '../harness/telemetry/cell-span.ts';
import { tracingClient } from '../harness/telemetry/genai-client.ts';
import { runContext, startRunSpan } from '../harness/telemetry/run-span.ts';
import { startTelemetry } from '../harness/telemetry/tracer.ts';
import { createFakeProtocolClient } from '../harness/testing/fake-protocol-client.ts';
import type { CellResult } from '../harness/verdicts/verdict.ts';

/**
 * What tracing adds to one request, in µs: the same requests against an instant client (scripted,
 * no I/O), traced (a GenAI span per request under a cell span, exported to memory) minus untraced.
 * Measured with nothing else in the way, so it is the whole cost the harness adds; the ratio to a
 * real request's latency is computed by the caller.
 */
export async function tracingOverheadMicros(requests = 5000): Promise<{ tracedUs: number; plainUs: number; overheadUs: number }> {
  const response: ChatResponse = { text: 'Red, green, blue.', toolCalls: [], finishReason: 'stop', rawFinishReason: 'stop', usage: { input: 20, output: 6 }, model: 'm', id: 'r' };
  const script = () => Array.from({ length: requests }, () => ({ response }));
  const request = { model: 'm', messages: [{ role: 'user' as const, content: 'Name three colours.' }], maxTokens: 16, temperature: 0 };
  const result = { verdict: 'pass' } as CellResult;
  const cell = { id: 'c', suite: 'core', test: 'basic_chat', provider: 'llama_cpp', model: 'm', protocol: 'openai-chat' };

  const time = async (traced: boolean): Promise<number> => {
    const exporter = new InMemorySpanExporter();
    const telemetry = traced ? startTelemetry({ content: false }, { exporter }) : startTelemetry({ content: false });
    const run = startRunSpan(telemetry, { runId: 'bench' });
    const client = tracingClient(createFakeProtocolClient(script()), { providerId: 'llama_cpp', baseUrl: 'http://127.0.0.1:8080/v1' }, telemetry);
    const started = performance.now();
    // one cell span per 10 requests, like a core run's cells
    for (let index = 0; index < requests; index += 10) {
      await withCellSpan(telemetry, runContext(run.traceparent), cell, async () => {
        for (let inner = 0; inner < 10; inner += 1) await client.chat(request);
        return result;
      });
    }
    const elapsed = performance.now() - started;
    run.end({ cells: 0, failing: 0, exitCode: 0 });
    await telemetry.shutdown();
    return (elapsed * 1000) / requests;
  };
  await time(true); // warm-up (JIT)
  await time(false);
  const tracedUs = await time(true);
  const plainUs = await time(false);
  return { tracedUs, plainUs, overheadUs: Math.max(0, tracedUs - plainUs) };
}
