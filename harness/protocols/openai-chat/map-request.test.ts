import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../contract/chat.ts';
import { toChatCompletionParams, toOpenAIMessage, toOpenAIToolChoice, toOpenAITools } from './map-request.ts';

const weather = { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } } } };

describe('toOpenAIMessage', () => {
  it('maps system, user and plain assistant messages', () => {
    expect(toOpenAIMessage({ role: 'system', content: 'be brief' })).toEqual({ role: 'system', content: 'be brief' });
    expect(toOpenAIMessage({ role: 'user', content: 'hi' })).toEqual({ role: 'user', content: 'hi' });
    expect(toOpenAIMessage({ role: 'assistant', content: 'hello' })).toEqual({ role: 'assistant', content: 'hello' });
    expect(toOpenAIMessage({ role: 'assistant', content: '', toolCalls: [] })).toEqual({ role: 'assistant', content: '' });
  });

  it('maps assistant toolCalls to tool_calls, with null content when empty', () => {
    expect(
      toOpenAIMessage({
        role: 'assistant',
        content: '',
        toolCalls: [
          { id: 'call_1', name: 'get_weather', argumentsText: '{"city":"Paris"}' },
          { id: 'call_2', name: 'get_time', argumentsText: '' },
        ],
      }),
    ).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '' } },
      ],
    });
    expect(toOpenAIMessage({ role: 'assistant', content: 'Let me check.', toolCalls: [{ id: 'c', name: 'n', argumentsText: '{}' }] })).toMatchObject({
      content: 'Let me check.',
    });
  });

  it('maps a tool result to tool_call_id (name and isError are not sent)', () => {
    expect(toOpenAIMessage({ role: 'tool', toolCallId: 'call_1', name: 'get_weather', content: '{"temp":21}', isError: true })).toEqual({
      role: 'tool',
      tool_call_id: 'call_1',
      content: '{"temp":21}',
    });
  });
});

describe('tools and tool_choice', () => {
  it('wraps tools as functions', () => {
    expect(toOpenAITools([weather])).toEqual([{ type: 'function', function: { name: 'get_weather', description: 'Weather for a city', parameters: weather.parameters } }]);
  });

  it.each([
    ['auto', 'auto'],
    ['none', 'none'],
    ['required', 'required'],
  ] as const)('passes %s through', (choice, expected) => {
    expect(toOpenAIToolChoice(choice)).toBe(expected);
  });

  it('maps a named tool to a function choice', () => {
    expect(toOpenAIToolChoice({ name: 'get_weather' })).toEqual({ type: 'function', function: { name: 'get_weather' } });
  });
});

describe('toChatCompletionParams', () => {
  it('omits every optional parameter that is undefined', () => {
    const params = toChatCompletionParams({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(params).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(Object.keys(params)).toEqual(['model', 'messages']);
  });

  it('maps every optional parameter, including zero values', () => {
    const request: ChatRequest = {
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0,
      topP: 0.9,
      maxTokens: 16,
      stop: ['\n'],
      seed: 0,
      tools: [weather],
      toolChoice: { name: 'get_weather' },
      parallelToolCalls: false,
    };
    expect(toChatCompletionParams(request)).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0,
      top_p: 0.9,
      max_tokens: 16,
      stop: ['\n'],
      seed: 0,
      tools: toOpenAITools([weather]),
      parallel_tool_calls: false,
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
  });

  it('sends neither tools nor parallel_tool_calls for an empty tool list, but keeps tool_choice', () => {
    const params = toChatCompletionParams({ model: 'm', messages: [], tools: [], parallelToolCalls: true, toolChoice: 'none' });
    expect(params).toEqual({ model: 'm', messages: [], tool_choice: 'none' });
  });
});
