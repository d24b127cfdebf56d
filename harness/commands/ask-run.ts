import type { ChatRequest, FinishReason } from '../contract/chat.ts';
import type { ProtocolClient } from '../contract/protocol-client.ts';
import type { ToolCall } from '../contract/messages.ts';
import type { Usage } from '../contract/usage.ts';
import { VerifyError } from '../contract/verify-error.ts';
import { now } from '../protocols/shared/time.ts';
import { targetLabel, type AskTarget } from './ask-targets.ts';
import { adviseError, type Advice } from './error-advice.ts';
import { listEndpointModels, openClient } from './open-client.ts';
import { serverTimings, type ServerTimings } from './server-timings.ts';

/** Timing of a streamed answer, measured on our side from the moment the request is sent. */
export interface StreamStats {
  /** Request sent → first content delta (text, reasoning or tool call). */
  ttftMs?: number;
  /** Output tokens after the first, per second between the first and the last delta; needs reported usage. */
  tokensPerSecond?: number;
  /** Content deltas received. */
  deltas: number;
}

/** What one target answered (or why it did not). Absent fields were absent on the wire. */
export interface AskResult {
  target: string;
  provider: string;
  model: string;
  protocol: string;
  ok: boolean;
  text?: string;
  reasoning?: string;
  toolCalls?: ToolCall[];
  finishReason?: FinishReason;
  rawFinishReason?: string;
  usage?: Usage;
  /** Response id and model as the endpoint reported them. */
  responseId?: string;
  responseModel?: string;
  latencyMs?: number;
  stream?: StreamStats;
  /** The server's own timing object for this response (llama-server's `timings`), when it sent one. */
  serverTimings?: ServerTimings;
  error?: Advice;
}

export interface AskRunOptions {
  stream: boolean;
  timeoutMs: number;
  signal: AbortSignal;
  /** The credential of a target's endpoint (never printed). */
  credential: string | undefined;
  /** Called with each text delta as it arrives (live printing). */
  onText?: (text: string) => void;
}

/** Milliseconds and rates to 0.1: finer digits are noise. */
const round = (value: number): number => Math.round(value * 10) / 10;

function resultBase(target: AskTarget): AskResult {
  return { target: targetLabel(target), provider: target.provider.id, model: target.model, protocol: target.protocol, ok: false };
}

/** Sends one chat to one target (through the protocol adapters the suites use) and reports what came back. */
export async function askOne(target: AskTarget, request: ChatRequest, options: AskRunOptions): Promise<AskResult> {
  const result = resultBase(target);
  if (target.blocked) return { ...result, error: target.blocked };
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, deadline]);
  const started = now();
  let client: ProtocolClient | undefined;
  try {
    client = await openClient(target, options.credential, { timeoutMs: options.timeoutMs });
    if (!options.stream) {
      const response = await client.chat(request, { signal });
      Object.assign(result, {
        ok: true,
        text: response.text,
        reasoning: response.reasoning,
        toolCalls: response.toolCalls,
        finishReason: response.finishReason,
        rawFinishReason: response.rawFinishReason,
        usage: response.usage,
        responseId: response.id,
        responseModel: response.model,
      });
    } else {
      const stats: StreamStats = { deltas: 0 };
      let text = '';
      let reasoning = '';
      const toolCalls: ToolCall[] = [];
      let firstAt: number | undefined;
      let lastAt: number | undefined;
      for await (const event of client.stream(request, { signal })) {
        if (event.type === 'text_delta' || event.type === 'reasoning_delta' || event.type === 'tool_call_start' || event.type === 'tool_call_delta') {
          firstAt ??= event.at;
          lastAt = event.at;
          stats.deltas += 1;
        }
        if (event.type === 'start') [result.responseId, result.responseModel] = [event.id, event.model];
        else if (event.type === 'text_delta') {
          text += event.text;
          options.onText?.(event.text);
        } else if (event.type === 'reasoning_delta') reasoning += event.text;
        else if (event.type === 'tool_call_end') toolCalls.push({ id: event.id, name: event.name, argumentsText: event.argumentsText });
        else if (event.type === 'usage') result.usage = event.usage;
        else if (event.type === 'done') [result.finishReason, result.rawFinishReason] = [event.finishReason, event.rawFinishReason];
        else if (event.type === 'error') throw event.error;
      }
      if (firstAt !== undefined) stats.ttftMs = round(firstAt - started);
      const output = result.usage?.output;
      if (output !== undefined && output > 1 && firstAt !== undefined && lastAt !== undefined && lastAt > firstAt) {
        stats.tokensPerSecond = round((output - 1) / ((lastAt - firstAt) / 1000));
      }
      Object.assign(result, { ok: true, text, reasoning: reasoning || undefined, toolCalls, stream: stats });
      if (!result.finishReason) {
        result.ok = false;
        result.error = { kind: 'unknown', layer: 'protocol', message: 'the stream ended without a finish event', fix: 'the endpoint closed the stream early: retry, or try without --stream' };
      }
    }
    result.latencyMs = round(now() - started);
    result.serverTimings = serverTimings(client.transcript.entries);
    return result;
  } catch (error) {
    result.latencyMs = round(now() - started);
    let cause = error;
    if (options.signal.aborted) cause = new VerifyError({ kind: 'aborted', layer: 'transport', message: 'aborted by the user (Ctrl-C)', cause: error });
    else if (deadline.aborted) cause = new VerifyError({ kind: 'timeout', layer: 'transport', message: `no complete answer within ${options.timeoutMs} ms`, cause: error });
    result.error = await adviseError(cause, {
      provider: target.provider,
      endpoint: target.endpoint,
      model: target.model,
      timeoutMs: options.timeoutMs,
      listModels: async () => (await listEndpointModels(target.provider, target.endpoint, options.credential)).map((model) => model.id),
    });
    return result;
  } finally {
    await client?.close();
  }
}
