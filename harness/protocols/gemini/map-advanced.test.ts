import { describe, expect, it } from 'vitest';
import type { CountTokensResponse, EmbedContentResponse } from '@google/genai';
import { createCallIdRegistry } from './call-ids.ts';
import { toCountTokensParameters, toEmbedContentParameters, toGenerateContentParameters } from './map-request.ts';
import { fromCountTokensResponse, fromEmbedContentResponse, fromGeminiUsage } from './map-response.ts';

const image = { kind: 'image' as const, mediaType: 'image/png' as const, data: 'iVBORw0K' };
const pdf = { kind: 'pdf' as const, mediaType: 'application/pdf' as const, data: 'JVBERi0x', filename: 'code.pdf' };
const schema = { type: 'object', properties: { a: { type: 'string' } } };

describe('gemini advanced mapping (shapes per the Gemini API docs and @google/genai types)', () => {
  it('maps a schema to responseMimeType + responseJsonSchema, JSON mode to the MIME type alone, reasoning to thinkingConfig', () => {
    const ids = createCallIdRegistry();
    expect(toGenerateContentParameters({ model: 'g', messages: [], responseFormat: { type: 'json_schema', name: 'x', schema }, reasoning: { effort: 'low' } }, ids).config).toEqual({
      responseMimeType: 'application/json',
      responseJsonSchema: schema,
      thinkingConfig: { thinkingBudget: 1024, includeThoughts: true },
    });
    expect(toGenerateContentParameters({ model: 'g', messages: [], responseFormat: { type: 'json_object' } }, ids).config).toEqual({ responseMimeType: 'application/json' });
  });

  it('maps images and PDFs to inlineData parts before the text', () => {
    expect(toGenerateContentParameters({ model: 'g', messages: [{ role: 'user', content: 'Read it', attachments: [image, pdf] }] }, createCallIdRegistry()).contents).toEqual([
      { role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data: 'iVBORw0K' } }, { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0x' } }, { text: 'Read it' }] },
    ]);
  });

  it('counts contents only and embeds one content per text', () => {
    expect(toCountTokensParameters({ model: 'g', messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'hi' }] }, createCallIdRegistry())).toEqual({ model: 'g', contents: [{ role: 'user', parts: [{ text: 'hi' }] }] });
    expect(fromCountTokensResponse({ totalTokens: 7 } as CountTokensResponse)).toEqual({ input: 7 });
    expect(toEmbedContentParameters({ model: 'e', input: ['a', 'b'] })).toEqual({ model: 'e', contents: [{ role: 'user', parts: [{ text: 'a' }] }, { role: 'user', parts: [{ text: 'b' }] }] });
    expect(fromEmbedContentResponse({ embeddings: [{ values: [1, 0] }, { values: [0, 1] }] } as EmbedContentResponse, 2)).toEqual({ vectors: [[1, 0], [0, 1]] });
    expect(() => fromEmbedContentResponse({ embeddings: [{ values: [1] }] } as EmbedContentResponse, 2)).toThrow(/1 embeddings for 2 inputs/);
  });

  it('reads cachedContentTokenCount and thoughtsTokenCount', () => {
    expect(fromGeminiUsage({ promptTokenCount: 2000, candidatesTokenCount: 10, thoughtsTokenCount: 90, totalTokenCount: 2100, cachedContentTokenCount: 1900 })).toEqual({
      input: 2000,
      output: 100,
      total: 2100,
      cachedInput: 1900,
      reasoning: 90,
    });
  });
});
