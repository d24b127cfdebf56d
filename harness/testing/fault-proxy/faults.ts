/**
 * The kinds of broken endpoint the fault proxy can impersonate, each one way of breaking the
 * OpenAI chat wire contract (or HTTP around it). Test support only: never imported by product code.
 */
export const FAULT_KINDS = [
  'none',
  /** The connection is reset after three stream events. */
  'stream-reset',
  /** The stream ends cleanly after three events: no finish reason, no [DONE]. */
  'stream-clean-cut',
  /** After three events the server reports an error inside the 200 stream (`data: {"error": …}`), as gateways do when their upstream fails mid-answer. */
  'stream-error-event',
  /** finish_reason is null everywhere; the stream still ends with [DONE]. */
  'no-finish-reason',
  /** finish_reason "stop" becomes "length" and "tool_calls" becomes "stop". */
  'wrong-finish-reason',
  /** Tool calls carry no id. */
  'missing-tool-call-id',
  /** Every streamed tool-call delta carries a different id for the same call. */
  'mismatched-tool-call-id',
  /** Tool-call arguments are not JSON. */
  'invalid-tool-arguments',
  /** usage.total_tokens is not prompt + completion. */
  'wrong-usage-sums',
  /** usage is left out (also from the stream's usage chunk). */
  'no-usage',
  /** The request's stop sequences are removed before the server sees them. */
  'ignored-stop',
  /** A chat-template token leaks into the answer text. */
  'leaked-template-tokens',
  /** The answer text is empty (finish reason unchanged). */
  'empty-content',
  /** Every second POST's answer text is empty (1st, 3rd, … pass through): a deterministic flaky endpoint for --repeat. */
  'empty-content-alternate',
  /** Every stream data event is sent twice. */
  'duplicated-chunks',
  /** GET /v1/models answers 401. */
  'listing-401',
  /** GET /health answers 500. */
  'health-500',
  /** The first POST answers 429 (Retry-After: 0); later ones pass through. */
  'rate-limit-once',
  /** Every POST answers 429. */
  'rate-limit-always',
  /** Every POST answers 500. */
  'chat-500',
  /** Every POST is accepted and never answered. */
  'hang',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}

export const LEAKED_TOKEN = '<|im_end|>';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** Per-response state: streamed chunks of one response are rewritten consistently. */
export interface RewriteState {
  toolDeltas: number;
  textSeen: boolean;
}

export function newRewriteState(): RewriteState {
  return { toolDeltas: 0, textSeen: false };
}

function rewriteFinish(choice: Json, fault: FaultKind): void {
  if (fault === 'no-finish-reason') choice.finish_reason = null;
  if (fault === 'wrong-finish-reason') {
    if (choice.finish_reason === 'stop') choice.finish_reason = 'length';
    else if (choice.finish_reason === 'tool_calls') choice.finish_reason = 'stop';
  }
}

function rewriteToolCalls(calls: Json[], fault: FaultKind, state: RewriteState): void {
  for (const call of calls) {
    const fn = isObject(call.function) ? call.function : undefined;
    if (fault === 'missing-tool-call-id') delete call.id;
    if (fault === 'mismatched-tool-call-id') call.id = `call_mismatch_${state.toolDeltas}`;
    if (fault === 'invalid-tool-arguments' && fn && typeof fn.arguments === 'string' && state.toolDeltas === 0) fn.arguments = `{{${fn.arguments}`;
    state.toolDeltas += 1;
  }
}

function rewriteUsage(body: Json, fault: FaultKind): void {
  if (!isObject(body.usage)) return;
  if (fault === 'no-usage') delete body.usage;
  else if (fault === 'wrong-usage-sums' && typeof body.usage.total_tokens === 'number') body.usage.total_tokens += 7;
}

function rewriteText(holder: Json, key: 'content', fault: FaultKind, state: RewriteState): void {
  const text = holder[key];
  if (typeof text !== 'string' || text === '') return;
  if (fault === 'empty-content') holder[key] = '';
  if (fault === 'leaked-template-tokens' && !state.textSeen) holder[key] = `${text}${LEAKED_TOKEN}`;
  state.textSeen = true;
}

/** Rewrites one non-streamed chat.completion body in place. */
export function rewriteCompletion(body: Json, fault: FaultKind): Json {
  const state = newRewriteState();
  for (const choice of objects(body.choices)) {
    rewriteFinish(choice, fault);
    const message = isObject(choice.message) ? choice.message : undefined;
    if (message) {
      rewriteText(message, 'content', fault, state);
      rewriteToolCalls(objects(message.tool_calls), fault, state);
    }
  }
  rewriteUsage(body, fault);
  return body;
}

/** Rewrites one chat.completion.chunk in place; `undefined` drops the chunk. */
export function rewriteChunk(chunk: Json, fault: FaultKind, state: RewriteState): Json | undefined {
  for (const choice of objects(chunk.choices)) {
    rewriteFinish(choice, fault);
    const delta = isObject(choice.delta) ? choice.delta : undefined;
    if (delta) {
      rewriteText(delta, 'content', fault, state);
      rewriteToolCalls(objects(delta.tool_calls), fault, state);
    }
  }
  rewriteUsage(chunk, fault);
  return chunk;
}

/** Rewrites the request the server will see (only `ignored-stop` changes it). */
export function rewriteRequest(body: Json, fault: FaultKind): Json {
  if (fault === 'ignored-stop') delete body.stop;
  return body;
}
