import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatResponse as OllamaChatResponse } from 'ollama';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../contract/stream.ts';
import { normalizeOllamaChunks } from './map-stream.ts';

/** Real /api/chat chunks recorded from ollama 0.17.4 serving SmolLM2-135M (fixtures/record.ts). */
async function replay(name: string): Promise<{ chunks: OllamaChatResponse[]; events: StreamEvent[] }> {
  const fixture = JSON.parse(await readFile(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8')) as { chunks: OllamaChatResponse[] };
  async function* source() {
    yield* fixture.chunks;
  }
  const events: StreamEvent[] = [];
  for await (const event of normalizeOllamaChunks(source())) events.push(event);
  return { chunks: fixture.chunks, events };
}

describe('ollama-native stream normalizer on recorded chunks', () => {
  it('turns a real text stream into start, one delta per token, usage and done(length)', async () => {
    const { chunks, events } = await replay('stream-text');
    const tokens = chunks.filter((chunk) => !chunk.done).map((chunk) => chunk.message.content);
    expect(events.map((event) => event.type)).toEqual(['start', ...tokens.map(() => 'text_delta'), 'usage', 'done']);
    expect(events[0]).toMatchObject({ type: 'start', model: 'smollm2-135m-instruct' });
    const text = events.flatMap((event) => (event.type === 'text_delta' ? [event.text] : [])).join('');
    expect(text).toBe(tokens.join(''));
    expect(events.at(-2)).toMatchObject({ type: 'usage', usage: { input: 15, output: 6 } });
    expect(events.at(-2)?.type === 'usage' && events.at(-2)).not.toHaveProperty('usage.total');
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'length', rawFinishReason: 'length' });
  });

  it('timestamps events in non-decreasing order', async () => {
    const { events } = await replay('stream-text');
    for (let index = 1; index < events.length; index += 1) expect(events[index]!.at).toBeGreaterThanOrEqual(events[index - 1]!.at);
  });
});
