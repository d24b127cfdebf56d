import { BlockedReason, FinishReason, GenerateContentResponse, GenerateContentResponseUsageMetadata } from '@google/genai';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../contract/stream.ts';
import { createCallIdRegistry } from './call-ids.ts';
import { normalizeGeminiChunks } from './map-stream.ts';

const chunk = (init: Partial<GenerateContentResponse>) => Object.assign(new GenerateContentResponse(), init);
const usage = (init: Partial<GenerateContentResponseUsageMetadata>) => Object.assign(new GenerateContentResponseUsageMetadata(), init);

async function collect(chunks: GenerateContentResponse[]): Promise<Array<Record<string, unknown>>> {
  async function* source() {
    yield* chunks;
  }
  const out: StreamEvent[] = [];
  for await (const event of normalizeGeminiChunks(source(), createCallIdRegistry())) out.push(event);
  return out.map(({ at: _at, ...rest }) => rest);
}

describe('gemini normalizeGeminiChunks', () => {
  it('emits start, text and reasoning deltas, one usage (the last, cumulative) and done', async () => {
    const events = await collect([
      chunk({ responseId: 'r1', modelVersion: 'gemini-2.5-flash', candidates: [{ content: { role: 'model', parts: [{ text: 'hmm', thought: true }] } }], usageMetadata: usage({ promptTokenCount: 5 }) }),
      chunk({ candidates: [{ content: { role: 'model', parts: [{ text: 'Hel' }] } }], usageMetadata: usage({ promptTokenCount: 5, candidatesTokenCount: 1, totalTokenCount: 6 }) }),
      chunk({ candidates: [{ content: { role: 'model', parts: [{ text: 'lo' }] }, finishReason: FinishReason.STOP }], usageMetadata: usage({ promptTokenCount: 5, candidatesTokenCount: 2, totalTokenCount: 7 }) }),
    ]);
    expect(events).toEqual([
      { type: 'start', id: 'r1', model: 'gemini-2.5-flash' },
      { type: 'reasoning_delta', text: 'hmm' },
      { type: 'text_delta', text: 'Hel' },
      { type: 'text_delta', text: 'lo' },
      { type: 'usage', usage: { input: 5, output: 2, total: 7 } },
      { type: 'done', finishReason: 'stop', rawFinishReason: 'STOP' },
    ]);
  });

  it('emits start/delta/end at once for each whole function call, with marked synthesized ids where Gemini sent none, and finishes as tool_calls', async () => {
    const events = await collect([
      chunk({
        candidates: [
          {
            content: { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } } }, { functionCall: { name: 'get_weather', args: { city: 'Rome' }, id: 'fc-9' } }] },
            finishReason: FinishReason.STOP,
          },
        ],
      }),
    ]);
    expect(events).toEqual([
      { type: 'start', id: undefined, model: undefined },
      { type: 'tool_call_start', index: 0, id: 'synthesized_0', idSource: 'synthesized', name: 'get_weather' },
      { type: 'tool_call_delta', index: 0, id: 'synthesized_0', idSource: 'synthesized', argumentsDelta: '{"city":"Paris"}' },
      { type: 'tool_call_end', index: 0, id: 'synthesized_0', idSource: 'synthesized', name: 'get_weather', argumentsText: '{"city":"Paris"}', arguments: { city: 'Paris' } },
      { type: 'tool_call_start', index: 1, id: 'fc-9', name: 'get_weather' },
      { type: 'tool_call_delta', index: 1, id: 'fc-9', argumentsDelta: '{"city":"Rome"}' },
      { type: 'tool_call_end', index: 1, id: 'fc-9', name: 'get_weather', argumentsText: '{"city":"Rome"}', arguments: { city: 'Rome' } },
      { type: 'done', finishReason: 'tool_calls', rawFinishReason: 'STOP' },
    ]);
  });

  it('finishes a blocked prompt as content_filter; a stream without finishReason yields no done but incomplete_stream', async () => {
    expect((await collect([chunk({ promptFeedback: { blockReason: BlockedReason.PROHIBITED_CONTENT } })])).at(-1)).toEqual({ type: 'done', finishReason: 'content_filter', rawFinishReason: 'PROHIBITED_CONTENT' });
    await expect(collect([chunk({ candidates: [{ content: { role: 'model', parts: [{ text: 'x' }] } }] })])).rejects.toMatchObject({
      kind: 'incomplete_stream',
      layer: 'protocol',
      message: 'gemini stream ended without a candidate with finishReason',
    });
  });
});
