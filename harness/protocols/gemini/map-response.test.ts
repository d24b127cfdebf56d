import { BlockedReason, FinishReason, GenerateContentResponse, GenerateContentResponseUsageMetadata } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { VerifyError } from '../../contract/verify-error.ts';
import { createCallIdRegistry } from './call-ids.ts';
import { fromGenerateContentResponse } from './map-response.ts';

const response = (init: Partial<GenerateContentResponse>) => Object.assign(new GenerateContentResponse(), init);
const usage = (init: Partial<GenerateContentResponseUsageMetadata>) => Object.assign(new GenerateContentResponseUsageMetadata(), init);

describe('gemini fromGenerateContentResponse', () => {
  it('maps text, thought summaries, usage (thoughts counted as output), id and model version', () => {
    const mapped = fromGenerateContentResponse(
      response({
        responseId: 'resp-1',
        modelVersion: 'gemini-2.5-flash',
        candidates: [{ content: { role: 'model', parts: [{ text: 'Plan: greet.', thought: true }, { text: 'Hello' }, { text: '!' }] }, finishReason: FinishReason.STOP, index: 0 }],
        usageMetadata: usage({ promptTokenCount: 8, candidatesTokenCount: 2, thoughtsTokenCount: 30, totalTokenCount: 40 }),
      }),
      createCallIdRegistry(),
    );
    expect(mapped).toEqual({
      text: 'Hello!',
      reasoning: 'Plan: greet.',
      toolCalls: [],
      finishReason: 'stop',
      rawFinishReason: 'STOP',
      usage: { input: 8, output: 32, total: 40, reasoning: 30 },
      id: 'resp-1',
      model: 'gemini-2.5-flash',
    });
  });

  it('turns STOP with function calls into tool_calls and makes up marked synthesized ids when Gemini sends none (its protocol pairs by name and order)', () => {
    const ids = createCallIdRegistry();
    const mapped = fromGenerateContentResponse(
      response({
        candidates: [
          {
            content: {
              role: 'model',
              parts: [
                { functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'sig-1' },
                { functionCall: { name: 'get_weather', args: { city: 'Rome' }, id: 'fc-2' } },
                { functionCall: { name: 'get_time' } },
              ],
            },
            finishReason: FinishReason.STOP,
          },
        ],
      }),
      ids,
    );
    expect(mapped.toolCalls).toEqual([
      { id: 'synthesized_0', idSource: 'synthesized', name: 'get_weather', argumentsText: '{"city":"Paris"}' },
      { id: 'fc-2', name: 'get_weather', argumentsText: '{"city":"Rome"}' },
      { id: 'synthesized_1', idSource: 'synthesized', name: 'get_time', argumentsText: '{}' },
    ]);
    expect(mapped.finishReason).toBe('tool_calls');
    expect(ids.isSynthetic('synthesized_0')).toBe(true);
    expect(ids.isSynthetic('fc-2')).toBe(false);
    expect(ids.thoughtSignatureOf('synthesized_0')).toBe('sig-1');
  });

  it.each([
    [FinishReason.MAX_TOKENS, 'length'],
    [FinishReason.SAFETY, 'content_filter'],
    [FinishReason.MALFORMED_FUNCTION_CALL, 'error'],
    [FinishReason.OTHER, 'error'],
  ] as const)('maps finishReason %s to %s', (finishReason, expected) => {
    const mapped = fromGenerateContentResponse(response({ candidates: [{ content: { role: 'model', parts: [{ text: 'x' }] }, finishReason }] }), createCallIdRegistry());
    expect(mapped.finishReason).toBe(expected);
  });

  it('reports a blocked prompt (no candidates, blockReason) as content_filter; no candidates otherwise is a protocol failure', () => {
    const blocked = fromGenerateContentResponse(response({ promptFeedback: { blockReason: BlockedReason.SAFETY } }), createCallIdRegistry());
    expect(blocked).toMatchObject({ text: '', finishReason: 'content_filter', rawFinishReason: 'SAFETY' });
    expect(() => fromGenerateContentResponse(response({}), createCallIdRegistry())).toThrow(VerifyError);
  });
});
