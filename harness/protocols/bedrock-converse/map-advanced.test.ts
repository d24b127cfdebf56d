import { describe, expect, it } from 'vitest';
import { converseDocumentName, toConverseRequest, toCountTokensRequest } from './map-request.ts';
import { fromBedrockUsage, fromCountTokens } from './map-response.ts';

const image = { kind: 'image' as const, mediaType: 'image/png' as const, data: Buffer.from('png-bytes').toString('base64') };
const pdf = { kind: 'pdf' as const, mediaType: 'application/pdf' as const, data: Buffer.from('%PDF-1.4').toString('base64'), filename: 'access_code.v2.pdf' };
const schema = { type: 'object', properties: { a: { type: 'string' } } };

describe('bedrock-converse advanced mapping (shapes per the Converse API docs and client-bedrock-runtime 3.x types)', () => {
  it('maps a JSON schema to outputConfig.textFormat (schema as a JSON string) and refuses JSON mode', () => {
    expect(toConverseRequest({ model: 'm', messages: [], responseFormat: { type: 'json_schema', name: 'thing', schema } }).outputConfig).toEqual({
      textFormat: { type: 'json_schema', structure: { jsonSchema: { name: 'thing', schema: JSON.stringify(schema) } } },
    });
    expect(() => toConverseRequest({ model: 'm', messages: [], responseFormat: { type: 'json_object' } })).toThrow(expect.objectContaining({ kind: 'unrepresentable' }));
  });

  it('maps images and PDFs to byte blocks, with a document name Converse accepts', () => {
    const content = toConverseRequest({ model: 'm', messages: [{ role: 'user', content: 'Read it', attachments: [image, pdf] }] }).messages?.[0]?.content;
    expect(content).toEqual([
      { image: { format: 'png', source: { bytes: new Uint8Array(Buffer.from('png-bytes')) } } },
      { document: { format: 'pdf', name: 'access-code-v2', source: { bytes: new Uint8Array(Buffer.from('%PDF-1.4')) } } },
      { text: 'Read it' },
    ]);
    expect(converseDocumentName('my report (final).pdf')).toBe('my report (final)');
  });

  it('adds a cachePoint after the system prompt and thinking to the model fields', () => {
    const request = toConverseRequest({ model: 'm', messages: [{ role: 'system', content: 'rules' }, { role: 'user', content: 'q' }], cacheSystemPrompt: true, reasoning: { effort: 'low' } });
    expect(request.system).toEqual([{ text: 'rules' }, { cachePoint: { type: 'default' } }]);
    expect(request.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 1024 } });
  });

  it('builds CountTokens from the Converse form and reads inputTokens', () => {
    expect(toCountTokensRequest({ model: 'm', messages: [{ role: 'user', content: 'hi' }], maxTokens: 8 })).toEqual({
      modelId: 'm',
      input: { converse: { messages: [{ role: 'user', content: [{ text: 'hi' }] }], system: undefined, toolConfig: undefined, additionalModelRequestFields: undefined } },
    });
    expect(fromCountTokens({ inputTokens: 12 })).toEqual({ input: 12 });
    expect(() => fromCountTokens({})).toThrow(/no numeric inputTokens/);
  });

  it('reads cache reads into cachedInput; input is the whole prompt', () => {
    expect(fromBedrockUsage({ inputTokens: 10, outputTokens: 5, totalTokens: 2015, cacheReadInputTokens: 2000, cacheWriteInputTokens: 0 })).toEqual({ input: 2010, output: 5, total: 2015, cachedInput: 2000 });
  });
});
