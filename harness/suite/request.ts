import type { ChatRequest } from '../contract/chat.ts';
import type { Message } from '../contract/messages.ts';
import type { Quirk } from '../contract/provider.ts';
import type { Target, TestContext } from './define.ts';

export const DEFAULT_SEED = 42;

/**
 * A request for the target's model with temperature 0 and a fixed seed, each only where the
 * protocol carries it: adapters refuse parameters their protocol cannot send (never drop them
 * silently), so tests build on this.
 */
export function baseRequest(target: Target, fields: Omit<ChatRequest, 'model'>): ChatRequest {
  const request: ChatRequest = { model: target.model.id, ...fields };
  if (target.capabilities.temperature !== false && request.temperature === undefined) request.temperature = 0;
  if (target.capabilities.seed !== false && request.seed === undefined) request.seed = DEFAULT_SEED;
  return applyQuirks(request, target.quirks);
}

/**
 * The provider's quirks for the target's model (the plan kept only those that apply), as data:
 * fields the model rejects are left out, the output-token limit goes in the field it accepts.
 */
export function applyQuirks(request: ChatRequest, quirks: readonly Quirk[]): ChatRequest {
  for (const quirk of quirks) {
    for (const field of quirk.request?.omit ?? []) delete request[field];
    if (quirk.request?.maxTokensField) request.maxTokensField = quirk.request.maxTokensField;
  }
  return request;
}

/** Short answers keep runs fast; temperature 0 and seed 42 come from baseRequest. */
export const MAX_TOKENS = 128;

/** Wall-clock budget of one tool loop inside a test. */
export const LOOP_DEADLINE_MS = 120_000;

const SYSTEM = 'You are a helpful assistant. Use the provided tools when they help, and answer briefly.';

/**
 * A request for the target's model: system + user prompt (or given messages), temperature 0,
 * seed 42 where the model takes one (baseRequest), maxTokens 128, then overrides.
 */
export function buildRequest(context: TestContext, prompt: string | Message[], overrides: Partial<ChatRequest> = {}): ChatRequest {
  const messages: Message[] = typeof prompt === 'string'
    ? [{ role: 'system', content: SYSTEM }, { role: 'user', content: prompt }]
    : prompt;
  return { ...baseRequest(context.target, { messages, maxTokens: MAX_TOKENS }), ...overrides };
}
