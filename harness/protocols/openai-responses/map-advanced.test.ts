import { describe, expect, it } from 'vitest';
import { toInputTokenCountParams, toResponseCreateParams } from './map-request.ts';
import { fromInputTokenCount, fromResponsesUsage } from './map-response.ts';

const image = { kind: 'image' as const, mediaType: 'image/png' as const, data: 'iVBORw0K' };
const pdf = { kind: 'pdf' as const, mediaType: 'application/pdf' as const, data: 'JVBERi0x', filename: 'code.pdf' };
const schema = { type: 'object', properties: { a: { type: 'string' } } };

describe('openai-responses advanced mapping', () => {
  it('maps response formats to text.format and reasoning to reasoning.effort with summaries', () => {
    const params = toResponseCreateParams({ model: 'm', messages: [{ role: 'user', content: 'hi' }], responseFormat: { type: 'json_schema', name: 'thing', schema }, reasoning: { effort: 'medium' } });
    expect(params.text).toEqual({ format: { type: 'json_schema', name: 'thing', schema, strict: true } });
    expect(params.reasoning).toEqual({ effort: 'medium', summary: 'auto' });
    expect(toResponseCreateParams({ model: 'm', messages: [], responseFormat: { type: 'json_object' } }).text).toEqual({ format: { type: 'json_object' } });
  });

  it('maps an image to input_image and a PDF to input_file, then input_text', () => {
    expect(toResponseCreateParams({ model: 'm', messages: [{ role: 'user', content: 'Read it', attachments: [image, pdf] }] }).input).toEqual([
      {
        type: 'message',
        role: 'user',
        content: [
          { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0K', detail: 'auto' },
          { type: 'input_file', filename: 'code.pdf', file_data: 'data:application/pdf;base64,JVBERi0x' },
          { type: 'input_text', text: 'Read it' },
        ],
      },
    ]);
  });

  it('builds POST /responses/input_tokens from the same request and reads its count', () => {
    const params = toInputTokenCountParams({ model: 'm', messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hi' }], maxTokens: 8 });
    expect(params).toEqual({ model: 'm', input: [{ type: 'message', role: 'user', content: 'hi' }], instructions: 'be brief' });
    // Recorded from llama-server de3ff81 (POST /v1/responses/input_tokens): {"input_tokens":32,"object":"response.input_tokens"}.
    expect(fromInputTokenCount({ input_tokens: 32 })).toEqual({ input: 32 });
    expect(() => fromInputTokenCount({})).toThrow(/no numeric input_tokens/);
  });

  it('reads cached and reasoning tokens from input/output token details', () => {
    expect(fromResponsesUsage({ input_tokens: 100, output_tokens: 30, total_tokens: 130, input_tokens_details: { cached_tokens: 64, cache_write_tokens: 0 }, output_tokens_details: { reasoning_tokens: 20 } })).toEqual({
      input: 100,
      output: 30,
      total: 130,
      cachedInput: 64,
      reasoning: 20,
    });
  });
});
