import type { ReplayFile } from './replay-requests.ts';

/** Request fields promptfoo's openai provider passes through as provider config. */
const PASSED = ['temperature', 'seed', 'max_tokens', 'max_completion_tokens', 'stop', 'top_p'] as const;

/**
 * promptfoo's side of bench (b): every chat request the harness's run made (its transcripts), as a
 * promptfoo test case with the same messages, temperature, seed, output-token limit and stop
 * sequences, and one assertion each (an answer arrived). Prompts are equivalent by construction.
 */
export function promptfooConfig(replay: ReplayFile, model: string): { config: unknown; cases: number } {
  const chats = replay.requests.filter((request) => request.method === 'POST' && request.path === '/chat/completions');
  const tests = chats.map((request, index) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const config: Record<string, unknown> = { apiBaseUrl: replay.baseUrl, apiKey: 'no-key' };
    for (const field of PASSED) if (body[field] !== undefined) config[field] = body[field];
    return {
      description: `request ${index + 1}`,
      vars: { messages: body.messages },
      provider: { id: `openai:chat:${model}`, config },
      assert: [{ type: 'javascript', value: "typeof output === 'string'" }],
    };
  });
  return {
    cases: tests.length,
    config: {
      description: 'llm-verify bench: the harness core run’s chat requests',
      prompts: ['{{ messages | dump }}'],
      providers: [{ id: `openai:chat:${model}`, config: { apiBaseUrl: replay.baseUrl, apiKey: 'no-key' } }],
      tests,
    },
  };
}
