import { describe, expect, it } from 'vitest';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { CreateEmbeddingResponse } from 'openai/resources/embeddings';
import { toChatCompletionParams } from './map-request.ts';
import { fromChatCompletion } from './map-response.ts';
import { fromEmbeddingResponse, toEmbeddingParams } from './map-embeddings.ts';

const image = { kind: 'image' as const, mediaType: 'image/png' as const, data: 'iVBORw0K' };
const pdf = { kind: 'pdf' as const, mediaType: 'application/pdf' as const, data: 'JVBERi0x', filename: 'code.pdf' };

describe('openai-chat advanced request mapping', () => {
  it('maps a JSON schema to response_format json_schema (strict) and JSON mode to json_object', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    expect(toChatCompletionParams({ model: 'm', messages: [], responseFormat: { type: 'json_schema', name: 'thing', schema } }).response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'thing', schema, strict: true },
    });
    expect(toChatCompletionParams({ model: 'm', messages: [], responseFormat: { type: 'json_object' } }).response_format).toEqual({ type: 'json_object' });
  });

  it('maps reasoning to reasoning_effort and sends nothing for cacheSystemPrompt (automatic caching)', () => {
    const params = toChatCompletionParams({ model: 'm', messages: [{ role: 'system', content: 's' }], reasoning: { effort: 'low' }, cacheSystemPrompt: true });
    expect(params.reasoning_effort).toBe('low');
    expect(params.messages).toEqual([{ role: 'system', content: 's' }]);
  });

  it('maps an image to an image_url data URL part and a PDF to a file part, before the text', () => {
    expect(toChatCompletionParams({ model: 'm', messages: [{ role: 'user', content: 'What is this?', attachments: [image, pdf] }] }).messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0K' } },
          { type: 'file', file: { filename: 'code.pdf', file_data: 'data:application/pdf;base64,JVBERi0x' } },
          { type: 'text', text: 'What is this?' },
        ],
      },
    ]);
  });
});

describe('openai-chat advanced response mapping', () => {
  it('reads cached and reasoning tokens from the usage details (llama-server sends prompt_tokens_details)', () => {
    // Usage recorded from llama-server de3ff81 (POST /v1/chat/completions, the second call with the same system prompt).
    const completion = {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1,
      model: 'smollm2-135m-instruct',
      choices: [{ index: 0, finish_reason: 'length', logprobs: null, message: { role: 'assistant', content: 'Order', refusal: null } }],
      usage: { completion_tokens: 4, prompt_tokens: 49, total_tokens: 53, prompt_tokens_details: { cached_tokens: 41 } },
    } as ChatCompletion;
    expect(fromChatCompletion(completion).usage).toEqual({ input: 49, output: 4, total: 53, cachedInput: 41 });
    const withReasoning = { ...completion, usage: { prompt_tokens: 5, completion_tokens: 50, total_tokens: 55, completion_tokens_details: { reasoning_tokens: 40 } } } as ChatCompletion;
    expect(fromChatCompletion(withReasoning).usage).toEqual({ input: 5, output: 50, total: 55, reasoning: 40 });
  });

  it('maps embeddings by their index; a missing vector or duplicate index is a protocol failure', () => {
    expect(toEmbeddingParams({ model: 'm', input: ['a', 'b'] })).toEqual({ model: 'm', input: ['a', 'b'], encoding_format: 'float' });
    // Recorded from llama-server de3ff81 --embeddings --pooling mean (vectors cut to 2 of 576 values), items swapped to test the index.
    const response = {
      model: 'smollm2',
      object: 'list',
      usage: { prompt_tokens: 4, total_tokens: 4 },
      data: [
        { embedding: [-0.014314922504127026, -0.004780575633049011], index: 1, object: 'embedding' },
        { embedding: [-0.02211862802505493, -0.015597625635564327], index: 0, object: 'embedding' },
      ],
    } as CreateEmbeddingResponse;
    expect(fromEmbeddingResponse(response, 2)).toEqual({
      vectors: [[-0.02211862802505493, -0.015597625635564327], [-0.014314922504127026, -0.004780575633049011]],
      model: 'smollm2',
      usage: { input: 4 },
    });
    expect(() => fromEmbeddingResponse(response, 3)).toThrow(/2 vectors for 3 inputs/);
    const duplicate = { ...response, data: [response.data[0], response.data[0]] } as CreateEmbeddingResponse;
    expect(() => fromEmbeddingResponse(duplicate, 2)).toThrow(/duplicate index/);
  });
});
