/**
 * `npm run bench`: latency of one short chat and one short stream per wire protocol against a
 * harness-launched llama-server, and in-process (embedded), reported as ratios to openai-chat
 * measured in this one run (absolute numbers depend on the machine; ratios travel).
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { ProtocolClient, ProtocolId } from '../harness/contract/protocol-client.ts';
import { resolveEmbeddedModel } from '../harness/endpoints/embedded-model.ts';
import { startLlamaServer } from '../harness/endpoints/llama-server-launcher.ts';
import { runSetupScript } from '../harness/endpoints/setup-scripts.ts';
import { inferenceThreads } from '../harness/endpoints/thread-count.ts';
import { createProtocolClient } from '../harness/protocols/registry.ts';
import { tracingOverheadMicros } from './tracing-overhead.ts';

const MODEL = 'smollm2-135m-instruct';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function measure(client: ProtocolClient): Promise<{ chatMs: number; ttftMs: number }> {
  const request = { model: MODEL, messages: [{ role: 'user' as const, content: 'Name three colours.' }], maxTokens: 16 };
  const chat: number[] = [];
  const ttft: number[] = [];
  await client.chat(request); // warm-up
  for (let round = 0; round < ROUNDS; round += 1) {
    let started = performance.now();
    await client.chat(request);
    chat.push(performance.now() - started);
    started = performance.now();
    for await (const event of client.stream(request)) {
      if (event.type === 'text_delta') {
        ttft.push(event.at - started);
        break;
      }
    }
  }
  return { chatMs: median(chat), ttftMs: median(ttft) };
}

const modelPath = (await resolveEmbeddedModel(process.env, (line) => console.error(line))).path;
const server = await startLlamaServer({
  binary: process.env.LLAMA_SERVER_BIN ?? (await runSetupScript('llama-server.sh')),
  modelPath,
  alias: MODEL,
  logFile: join(tmpdir(), `llm-verify-bench-${process.pid}.log`),
  threads: inferenceThreads(),
});
const rows: Array<{ protocol: ProtocolId; chatMs: number; ttftMs: number }> = [];
try {
  const targets: Array<[ProtocolId, string | undefined]> = [
    ['openai-chat', `${server.baseUrl}/v1`],
    ['openai-responses', `${server.baseUrl}/v1`],
    ['anthropic-messages', server.baseUrl],
    ['embedded', undefined],
  ];
  for (const [protocol, baseUrl] of targets) {
    const client = await createProtocolClient({ protocol, baseUrl, modelPath, timeoutMs: 60_000, maxRetries: 0, modelId: MODEL });
    rows.push({ protocol, ...(await measure(client)) });
    await client.close();
  }
} finally {
  await server.stop();
}
const base = rows[0];
console.log(`median of ${ROUNDS} rounds, 16-token answers; ratio = this / openai-chat in the same run`);
console.log('protocol            chat ms  ratio   ttft ms  ratio');
for (const row of rows) {
  const ratio = (value: number, reference: number | undefined) => (reference ? (value / reference).toFixed(2) : 'n/a');
  console.log(
    `${row.protocol.padEnd(18)} ${row.chatMs.toFixed(0).padStart(8)} ${ratio(row.chatMs, base?.chatMs).padStart(6)} ${row.ttftMs.toFixed(0).padStart(9)} ${ratio(row.ttftMs, base?.ttftMs).padStart(6)}`,
  );
}
const tracing = await tracingOverheadMicros();
const chatMs = base?.chatMs ?? Number.NaN;
console.log('');
console.log(`tracing (--otlp): ${tracing.overheadUs.toFixed(1)} µs per request (traced ${tracing.tracedUs.toFixed(1)} µs vs ${tracing.plainUs.toFixed(1)} µs untraced on an instant client)`);
console.log(`tracing overhead ratio on a core request (openai-chat chat, ${chatMs.toFixed(0)} ms): ${((chatMs + tracing.overheadUs / 1000) / chatMs).toFixed(5)}; without --otlp nothing is wrapped: ratio 1`);
process.exit(0);
