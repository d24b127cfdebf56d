import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { checkAnswerText } from '../../harness/suite/answer-checks.ts';
import { harnessCheck, modelCheck, protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { buildRequest } from '../../harness/suite/request.ts';
import { countBursts } from '../../harness/suite/timing.ts';
import { checkNormalizedEvents } from '../../harness/suite/event-order.ts';
import { firstDifference, streamOnce, textDeltas } from '../../harness/suite/stream-once.ts';

/** Groups arrival times closer than 1 ms: a buffered (fake) stream arrives as one burst. */
export const basicTests: VerifyTestDefinition[] = [
  {
    id: 'basic_streaming',
    description: "A text stream: start first, done last (once) after the protocol's terminal signal, no error events, text deltas concatenate to a non-empty answer",
    requires: ['streaming'],
    tags: ['streaming'],
    assertion: 'protocol',
    async run(context) {
      const run = await streamOnce(context, buildRequest(context, 'Say hello in one short sentence.', { maxTokens: 32 }));
      const violations = checkNormalizedEvents(run.events);
      protocolCheck(violations.length === 0, `normalized event order: ${violations.join('; ')}`);
      const text = textDeltas(run.events).map((event) => event.text).join('');
      context.record('deltaCount', textDeltas(run.events).length);
      harnessCheck(text === run.response.text, 'collected text differs from the deltas');
      context.record('usage', run.response.usage);
      checkAnswerText(run.response, 'the streamed answer');
    },
  },
  {
    id: 'stream_matches_non_stream',
      estimate: { requests: 2 },
    description: 'With temperature 0 and a seed, the streamed text equals the non-streamed text',
    requires: ['streaming', 'seed'],
    tags: ['streaming', 'determinism'],
    // Protocol: greedy decoding of the same prompt is one computation whatever the transport, so
    // a server whose stream path samples, templates or truncates differently is a real finding.
    // Endpoints that are not reproducible even without streaming (batched cloud inference) are
    // recognized by a second non-streamed call and reported unsupported instead of failing.
    assertion: 'protocol',
    async run(context) {
      const request = buildRequest(context, 'Name three primary colors, separated by commas.', { maxTokens: 24 });
      const plain = await context.target.client.chat(request, { signal: context.signal });
      const run = await streamOnce(context, request);
      context.record('nonStreamText', plain.text.slice(0, 200));
      context.record('streamText', run.response.text.slice(0, 200));
      if (run.response.text !== plain.text) {
        const again = await context.target.client.chat(request, { signal: context.signal });
        if (again.text !== plain.text) {
          context.unsupported(`not reproducible at temperature 0 with a seed even without streaming (${firstDifference(plain.text, again.text)}), so stream equality cannot be judged`);
        }
        protocolCheck(false, `streamed text differs from the (reproducible) non-streamed text: ${firstDifference(plain.text, run.response.text)}`);
      }
      protocolCheck(
        run.response.finishReason === plain.finishReason,
        `same text but different finish reasons: stream ${run.response.rawFinishReason ?? run.response.finishReason}, non-stream ${plain.rawFinishReason ?? plain.finishReason}`,
      );
    },
  },
  {
    id: 'usage_in_stream',
    description: 'A stream reports usage with input and output tokens > 0 (total ≥ input + output when the wire carries one)',
    requires: ['streaming', 'stream_usage'],
    tags: ['streaming', 'usage'],
    assertion: 'protocol',
    async run(context) {
      const run = await streamOnce(context, buildRequest(context, 'Say hello.', { maxTokens: 16 }));
      const usages = run.events.filter((event) => event.type === 'usage');
      context.record('usage', run.response.usage);
      protocolCheck(usages.length > 0, 'no usage event in the stream');
      const usage = run.response.usage ?? {};
      protocolCheck(typeof usage.output === 'number' && usage.output > 0, `usage output is ${String(usage.output)}, expected > 0`);
      protocolCheck(typeof usage.input === 'number' && usage.input > 0, `usage input is ${String(usage.input)}, expected > 0`);
      if (usage.total !== undefined && usage.input !== undefined) {
        protocolCheck(usage.total >= usage.input + usage.output, `usage total ${usage.total} < input ${usage.input} + output ${usage.output}`);
      }
    },
  },
  {
    id: 'time_to_first_token',
    description: 'Records time to first token and delta pacing; the answer must really stream (more than one burst of deltas)',
    requires: ['streaming'],
    tags: ['streaming', 'latency'],
    assertion: 'protocol',
    async run(context) {
      const run = await streamOnce(context, buildRequest(context, 'Count from 1 to 20, separated by commas.', { maxTokens: 48 }));
      const deltas = textDeltas(run.events);
      const first = deltas[0];
      const last = deltas.at(-1);
      const bursts = countBursts(deltas.map((event) => event.at));
      context.record('deltaCount', deltas.length);
      context.record('bursts', bursts);
      context.record('streamDurationMs', Math.round(run.durationMs));
      if (first && last && deltas.length > 1) {
        const gaps = deltas.slice(1).map((event, i) => event.at - (deltas[i] as { at: number }).at).sort((a, b) => a - b);
        context.record('interDeltaMedianMs', Math.round((gaps[Math.floor(gaps.length / 2)] ?? 0) * 10) / 10);
        const output = run.response.usage?.output;
        // The first token's arrival starts the clock: the other output - 1 tokens came in (last - first).
        if (output && output > 1 && last.at > first.at) context.record('outputTokensPerSecond', Math.round(((output - 1) / ((last.at - first.at) / 1000)) * 10) / 10);
      }
      modelCheck(first, 'no text delta arrived, so time to first token is undefined');
      const done = run.events.find((event) => event.type === 'done');
      protocolCheck(done && first.at <= done.at, 'the first text delta did not arrive before done');
      if (deltas.length >= 8) {
        protocolCheck(bursts > 1, `all ${deltas.length} text deltas arrived within 1 ms of each other: the response was buffered, not streamed`);
      }
    },
  },
];
