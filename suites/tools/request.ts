import type { ChatRequest } from '../../harness/contract/chat.ts';
import type { Message } from '../../harness/contract/messages.ts';
import { baseRequest } from '../../harness/suite/base-request.ts';
import type { TestContext } from '../../harness/suite/define.ts';

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
