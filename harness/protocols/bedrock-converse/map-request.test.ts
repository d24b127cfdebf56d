import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../contract/chat.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { toConverseRequest } from './map-request.ts';

const weather = { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };

describe('bedrock-converse toConverseRequest', () => {
  it('puts system messages in `system`, maps sampling to inferenceConfig and drops seed (Converse has none)', () => {
    const request: ChatRequest = {
      model: 'us.amazon.nova-micro-v1:0',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      maxTokens: 16,
      temperature: 0,
      topP: 0.9,
      stop: ['END'],
      seed: 7,
    };
    expect(toConverseRequest(request)).toEqual({
      modelId: 'us.amazon.nova-micro-v1:0',
      system: [{ text: 'Be brief.' }],
      messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
      inferenceConfig: { maxTokens: 16, temperature: 0, topP: 0.9, stopSequences: ['END'] },
    });
  });

  it('omits inferenceConfig and system when nothing is set', () => {
    expect(toConverseRequest({ model: 'm', messages: [{ role: 'user', content: 'Hi' }] })).toEqual({
      modelId: 'm',
      messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
    });
  });

  it('maps assistant tool calls to toolUse blocks and merges parallel tool results into one user message', () => {
    const input = toConverseRequest({
      model: 'm',
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [
            { id: 'tooluse_1', name: 'get_weather', argumentsText: '{"city":"Paris"}' },
            { id: 'tooluse_2', name: 'get_weather', argumentsText: '' },
          ],
        },
        { role: 'tool', toolCallId: 'tooluse_1', name: 'get_weather', content: '18C' },
        { role: 'tool', toolCallId: 'tooluse_2', name: 'get_weather', content: 'city missing', isError: true },
      ],
      tools: [weather],
    });
    expect(input.messages).toEqual([
      { role: 'user', content: [{ text: 'Weather in Paris and Rome?' }] },
      {
        role: 'assistant',
        content: [
          { toolUse: { toolUseId: 'tooluse_1', name: 'get_weather', input: { city: 'Paris' } } },
          { toolUse: { toolUseId: 'tooluse_2', name: 'get_weather', input: {} } },
        ],
      },
      {
        role: 'user',
        content: [
          { toolResult: { toolUseId: 'tooluse_1', content: [{ text: '18C' }] } },
          { toolResult: { toolUseId: 'tooluse_2', content: [{ text: 'city missing' }], status: 'error' } },
        ],
      },
    ]);
  });

  it('keeps assistant text next to tool calls', () => {
    const input = toConverseRequest({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }, { role: 'assistant', content: 'Checking.', toolCalls: [{ id: 't', name: 'f', argumentsText: '{}' }] }],
    });
    expect(input.messages?.[1]?.content).toEqual([{ text: 'Checking.' }, { toolUse: { toolUseId: 't', name: 'f', input: {} } }]);
  });

  it('refuses tool-call arguments that are not JSON (Converse needs a document)', () => {
    const request: ChatRequest = { model: 'm', messages: [{ role: 'assistant', content: '', toolCalls: [{ id: 't', name: 'f', argumentsText: '{oops' }] }] };
    expect(() => toConverseRequest(request)).toThrow(VerifyError);
  });

  it.each([
    ['auto', { auto: {} }],
    ['required', { any: {} }],
    [{ name: 'get_weather' }, { tool: { name: 'get_weather' } }],
  ] as const)('maps toolChoice %j to %j with toolSpec/inputSchema.json', (choice, expected) => {
    const input = toConverseRequest({ model: 'm', messages: [{ role: 'user', content: 'x' }], tools: [weather], toolChoice: choice });
    expect(input.toolConfig).toEqual({
      tools: [{ toolSpec: { name: 'get_weather', description: 'Weather for a city', inputSchema: { json: weather.parameters } } }],
      toolChoice: expected,
    });
  });

  it('refuses toolChoice none as unrepresentable (Converse has no "none"; dropping the tools would fake it) and leaves toolChoice unset when not given', () => {
    expect(() => toConverseRequest({ model: 'm', messages: [{ role: 'user', content: 'x' }], tools: [weather], toolChoice: 'none' })).toThrow(
      expect.objectContaining({ kind: 'unrepresentable', message: expect.stringMatching(/no 'none'/) }),
    );
    expect(toConverseRequest({ model: 'm', messages: [{ role: 'user', content: 'x' }], tools: [weather] }).toolConfig?.toolChoice).toBeUndefined();
  });
});
