import { describe, expect, it } from 'vitest';
import type { ProtocolClient } from '../contract/protocol-client.ts';
import type { StreamEvent } from '../contract/stream.ts';

/** Server root of a running llama-server, e.g. http://127.0.0.1:8080 (CI sets LLM_VERIFY_LLAMA_URL). */
export function liveLlamaServer(env: NodeJS.ProcessEnv = process.env): { root: string | undefined; model: string } {
  return {
    root: env.LLM_VERIFY_LLAMA_URL?.replace(/\/+$/, '').replace(/\/v1$/, ''),
    model: env.LLM_VERIFY_LLAMA_MODEL ?? 'smollm2-135m-instruct',
  };
}

/**
 * Test helper: the live checks every llama-server-backed adapter passes (chat, stream, context
 * length, listing), skipped unless LLM_VERIFY_LLAMA_URL is set. `connect` gets the server root.
 */
export function describeLiveAgainstLlamaServer(protocol: string, connect: (root: string) => Promise<ProtocolClient>): void {
  const { root, model } = liveLlamaServer();
  describe.skipIf(!root)(`${protocol} live against llama-server (LLM_VERIFY_LLAMA_URL)`, { timeout: 180_000 }, () => {
    const client = () => connect(root ?? '');
    const messages = [{ role: 'user' as const, content: 'Say hello in one short sentence.' }];

    it('chat: text, a normal finish and usage', async () => {
      const response = await (await client()).chat({ model, messages, maxTokens: 32 });
      expect(response.text.length).toBeGreaterThan(0);
      expect(['stop', 'length']).toContain(response.finishReason);
      expect(response.usage?.input).toBeGreaterThan(0);
      expect(response.usage?.output).toBeGreaterThan(0);
    });

    it('stream: start first, text deltas, done last; raw events in the transcript', async () => {
      const sdk = await client();
      const events: StreamEvent[] = [];
      for await (const event of sdk.stream({ model, messages, maxTokens: 32 })) events.push(event);
      expect(events[0]?.type).toBe('start');
      expect(events.at(-1)?.type).toBe('done');
      expect(events.some((e) => e.type === 'text_delta')).toBe(true);
      expect(sdk.transcript.entries.filter((e) => e.kind === 'stream_event').length).toBeGreaterThan(2);
    });

    it('a prompt beyond the context window is kind context_length (rejected before inference)', async () => {
      const error = await (await client())
        .chat({ model, messages: [{ role: 'user', content: 'word '.repeat(40_000) }], maxTokens: 4 })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'context_length', status: 400 });
    });

    it('lists the served model', async () => {
      const models = await (await client()).listModels();
      expect(models.length).toBeGreaterThan(0);
    });
  });
}
