import { describe, expect, it } from 'vitest';
import { toOllamaChatRequest, toOllamaEmbedRequest } from './map-request.ts';
import { fromOllamaEmbedResponse } from './map-response.ts';

const image = { kind: 'image' as const, mediaType: 'image/png' as const, data: 'iVBORw0K' };
const pdf = { kind: 'pdf' as const, mediaType: 'application/pdf' as const, data: 'JVBERi0x', filename: 'code.pdf' };
const schema = { type: 'object', properties: { a: { type: 'string' } } };

describe('ollama-native advanced mapping', () => {
  it('maps a schema to format, JSON mode to format "json", reasoning to think', () => {
    expect(toOllamaChatRequest({ model: 'm', messages: [], responseFormat: { type: 'json_schema', name: 'x', schema }, reasoning: { effort: 'low' } })).toMatchObject({ format: schema, think: true });
    expect(toOllamaChatRequest({ model: 'm', messages: [], responseFormat: { type: 'json_object' } }).format).toBe('json');
  });

  it('sends images as base64 in the message and refuses a PDF (no document input)', () => {
    expect(toOllamaChatRequest({ model: 'm', messages: [{ role: 'user', content: 'What number?', attachments: [image] }] }).messages).toEqual([{ role: 'user', content: 'What number?', images: ['iVBORw0K'] }]);
    expect(() => toOllamaChatRequest({ model: 'm', messages: [{ role: 'user', content: 'Read', attachments: [pdf] }] })).toThrow(expect.objectContaining({ kind: 'unrepresentable' }));
  });

  it('maps /api/embed both ways; prompt_eval_count is the input usage', () => {
    expect(toOllamaEmbedRequest({ model: 'm', input: ['a', 'b'] })).toEqual({ model: 'm', input: ['a', 'b'] });
    // Shape recorded from Ollama v0.17.4 (POST /api/embed).
    const response = { model: 'smollm2-135m-instruct:latest', embeddings: [[0.1, 0.2], [0.3, 0.4]], total_duration: 1, load_duration: 1, prompt_eval_count: 12 };
    expect(fromOllamaEmbedResponse(response, 2)).toEqual({ vectors: [[0.1, 0.2], [0.3, 0.4]], model: 'smollm2-135m-instruct:latest', usage: { input: 12 } });
    expect(() => fromOllamaEmbedResponse(response, 3)).toThrow(/2 embeddings for 3 inputs/);
  });
});
