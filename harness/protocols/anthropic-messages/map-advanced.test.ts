import { describe, expect, it } from 'vitest';
import { toCountTokensParams, toMessageCreateParams } from './map-request.ts';
import { fromAnthropicUsage, fromTokensCount } from './map-response.ts';

const image = { kind: 'image' as const, mediaType: 'image/png' as const, data: 'iVBORw0K' };
const pdf = { kind: 'pdf' as const, mediaType: 'application/pdf' as const, data: 'JVBERi0x', filename: 'code.pdf' };
const schema = { type: 'object', properties: { a: { type: 'string' } } };

describe('anthropic-messages advanced mapping (shapes per the Messages API docs and @anthropic-ai/sdk 1.x types)', () => {
  it('maps a JSON schema to output_config.format and refuses JSON mode (the API has none)', () => {
    expect(toMessageCreateParams({ model: 'm', messages: [], responseFormat: { type: 'json_schema', name: 'thing', schema } }).output_config).toEqual({ format: { type: 'json_schema', schema } });
    expect(() => toMessageCreateParams({ model: 'm', messages: [], responseFormat: { type: 'json_object' } })).toThrow(expect.objectContaining({ kind: 'unrepresentable' }));
  });

  it('maps reasoning to thinking with a budget of at least 1024 tokens', () => {
    expect(toMessageCreateParams({ model: 'm', messages: [], maxTokens: 2048, reasoning: { effort: 'low', budgetTokens: 500 } }).thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
    expect(toMessageCreateParams({ model: 'm', messages: [], maxTokens: 8000, reasoning: { effort: 'medium' } }).thinking).toEqual({ type: 'enabled', budget_tokens: 4096 });
  });

  it('puts a cache_control breakpoint on the system prompt when asked', () => {
    expect(toMessageCreateParams({ model: 'm', messages: [{ role: 'system', content: 'long rules' }, { role: 'user', content: 'q' }], cacheSystemPrompt: true }).system).toEqual([
      { type: 'text', text: 'long rules', cache_control: { type: 'ephemeral' } },
    ]);
  });

  it('maps an image block and a PDF document block (base64 sources) before the text', () => {
    expect(toMessageCreateParams({ model: 'm', messages: [{ role: 'user', content: 'Read it', attachments: [image, pdf] }] }).messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0K' } },
          { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0x' }, title: 'code.pdf' },
          { type: 'text', text: 'Read it' },
        ],
      },
    ]);
  });

  it('builds count_tokens from the same request (no max_tokens) and reads its answer', () => {
    expect(toCountTokensParams({ model: 'm', messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'hi' }], maxTokens: 8 })).toEqual({
      model: 'm',
      system: 's',
      messages: [{ role: 'user', content: 'hi' }],
    });
    // Recorded from llama-server de3ff81 (POST /v1/messages/count_tokens): {"input_tokens":32}.
    expect(fromTokensCount({ input_tokens: 32 })).toEqual({ input: 32 });
    expect(() => fromTokensCount({})).toThrow(/no numeric input_tokens/);
  });

  it('reports cache reads and thinking tokens; input is the whole prompt', () => {
    // Recorded from llama-server de3ff81 after a call with the same system prompt: input_tokens excludes the cache read.
    expect(fromAnthropicUsage({ cache_read_input_tokens: 41, input_tokens: 8, output_tokens: 4 })).toEqual({ input: 49, output: 4, cachedInput: 41 });
    expect(fromAnthropicUsage({ input_tokens: 10, output_tokens: 300, output_tokens_details: { thinking_tokens: 250 } })).toEqual({ input: 10, output: 300, reasoning: 250 });
  });
});
