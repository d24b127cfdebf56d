import type { ChatRequest } from '../../harness/contract/chat.ts';
import type { Message } from '../../harness/contract/messages.ts';
import type { TestContext } from '../../harness/suite/define.ts';

/** Reproducible and fast everywhere: greedy sampling, fixed seed, short answers. */
export const SAMPLING = { temperature: 0, seed: 42, maxTokens: 128 } as const;

/** Wall-clock budget of one tool loop inside a test. */
export const LOOP_DEADLINE_MS = 120_000;

const SYSTEM = 'You are a helpful assistant. Use the provided tools when they help, and answer briefly.';

/** A request for the target's model: system + user prompt (or given messages), sampling defaults, overrides. */
export function buildRequest(context: TestContext, prompt: string | Message[], overrides: Partial<ChatRequest> = {}): ChatRequest {
  const messages: Message[] = typeof prompt === 'string'
    ? [{ role: 'system', content: SYSTEM }, { role: 'user', content: prompt }]
    : prompt;
  return { model: context.target.model.id, messages, ...SAMPLING, ...overrides };
}
