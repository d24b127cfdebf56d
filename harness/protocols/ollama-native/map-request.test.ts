import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../contract/chat.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { toOllamaArguments, toOllamaChatRequest, toOllamaMessage, toOllamaOptions } from './map-request.ts';

const weather = { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };

describe('ollama-native map-request', () => {
  it('maps every message role, tool results with tool_name and tool_call_id', () => {
    expect(toOllamaMessage({ role: 'system', content: 'be brief' })).toEqual({ role: 'system', content: 'be brief' });
    expect(toOllamaMessage({ role: 'user', content: 'hi' })).toEqual({ role: 'user', content: 'hi' });
    expect(toOllamaMessage({ role: 'assistant', content: 'hello' })).toEqual({ role: 'assistant', content: 'hello' });
    expect(
      toOllamaMessage({ role: 'assistant', content: '', toolCalls: [{ id: 'call_0', name: 'get_weather', argumentsText: '{"city":"Paris"}' }] }),
    ).toEqual({ role: 'assistant', content: '', tool_calls: [{ id: 'call_0', function: { name: 'get_weather', arguments: { city: 'Paris' } } }] });
    expect(toOllamaMessage({ role: 'tool', toolCallId: 'call_0', name: 'get_weather', content: '18C' })).toEqual({
      role: 'tool',
      content: '18C',
      tool_name: 'get_weather',
      tool_call_id: 'call_0',
    });
  });

  it('turns argument text into the object Ollama wants, and refuses text that is not an object', () => {
    expect(toOllamaArguments({ id: 'a', name: 'f', argumentsText: '' })).toEqual({});
    expect(toOllamaArguments({ id: 'a', name: 'f', argumentsText: '{"x":1}' })).toEqual({ x: 1 });
    expect(() => toOllamaArguments({ id: 'a', name: 'f', argumentsText: '{"x":' })).toThrow(/not JSON/);
    expect(() => toOllamaArguments({ id: 'a', name: 'f', argumentsText: '[1]' })).toThrow(/not a JSON object/);
  });

  it('maps sampling settings to options (maxTokens → num_predict) and omits options when none', () => {
    const request: ChatRequest = { model: 'm', messages: [], temperature: 0, topP: 0.9, seed: 7, maxTokens: 16, stop: ['\n'] };
    expect(toOllamaOptions(request)).toEqual({ temperature: 0, top_p: 0.9, seed: 7, num_predict: 16, stop: ['\n'] });
    expect(toOllamaOptions({ model: 'm', messages: [] })).toBeUndefined();
    expect(toOllamaChatRequest({ model: 'm', messages: [{ role: 'user', content: 'x' }] })).toEqual({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
  });

  it('sends function tools with their JSON schema for auto, and refuses none as unrepresentable instead of dropping the tools', () => {
    const base: ChatRequest = { model: 'm', messages: [{ role: 'user', content: 'weather?' }], tools: [weather] };
    const expected = [{ type: 'function', function: { name: 'get_weather', description: 'Weather for a city', parameters: weather.parameters } }];
    expect(toOllamaChatRequest(base).tools).toEqual(expected);
    expect(toOllamaChatRequest({ ...base, toolChoice: 'auto' }).tools).toEqual(expected);
    expect(() => toOllamaChatRequest({ ...base, toolChoice: 'none' })).toThrow(expect.objectContaining({ kind: 'unrepresentable' }));
  });

  it('refuses tool_choice required and a named tool as unrepresentable (the test is unsupported on this protocol)', () => {
    for (const toolChoice of ['required', { name: 'get_weather' }] as const) {
      let caught: unknown;
      try {
        toOllamaChatRequest({ model: 'm', messages: [], tools: [weather], toolChoice });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(VerifyError);
      expect(caught).toMatchObject({ kind: 'unrepresentable' });
      expect((caught as Error).message).toContain('ollama-native has no tool_choice');
    }
  });

  it('sends back the call ids the server sent, never the ones the adapter synthesized (the native API pairs by tool name)', () => {
    const body = toOllamaChatRequest({
      model: 'm',
      messages: [
        { role: 'assistant', content: '', toolCalls: [{ id: 'call_srv', name: 'a', argumentsText: '{}' }, { id: 'synthesized_1', idSource: 'synthesized', name: 'b', argumentsText: '{}' }] },
        { role: 'tool', toolCallId: 'call_srv', name: 'a', content: '1' },
        { role: 'tool', toolCallId: 'synthesized_1', toolCallIdSource: 'synthesized', name: 'b', content: '2' },
      ],
    });
    expect(body.messages[0]?.tool_calls).toEqual([{ id: 'call_srv', function: { name: 'a', arguments: {} } }, { function: { name: 'b', arguments: {} } }]);
    expect(body.messages[1]).toEqual({ role: 'tool', content: '1', tool_name: 'a', tool_call_id: 'call_srv' });
    expect(body.messages[2]).toEqual({ role: 'tool', content: '2', tool_name: 'b' });
  });
});
