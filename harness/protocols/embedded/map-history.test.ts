import { describe, expect, it } from 'vitest';
import type { Message } from '../../contract/messages.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { toChatHistory, toChatModelFunctions } from './map-history.ts';

describe('toChatHistory', () => {
  it('maps system and user, then adds an empty model item to answer', () => {
    expect(
      toChatHistory([
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hi' },
      ]),
    ).toEqual([
      { type: 'system', text: 'be brief' },
      { type: 'user', text: 'hi' },
      { type: 'model', response: [] },
    ]);
  });

  it('adds no trailing item when the last message is an assistant (model) turn', () => {
    expect(
      toChatHistory([
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'Hello' },
      ]),
    ).toEqual([
      { type: 'user', text: 'hi' },
      { type: 'model', response: ['Hello'] },
    ]);
  });

  it('folds tool results into the assistant message by call id, errors as { error }', () => {
    const messages: Message[] = [
      { role: 'user', content: 'weather and time?' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [
          { id: 'c1', name: 'get_weather', argumentsText: '{"city":"Oslo"}' },
          { id: 'c2', name: 'get_time', argumentsText: '' },
        ],
      },
      { role: 'tool', toolCallId: 'c2', name: 'get_time', content: '12:00' },
      { role: 'tool', toolCallId: 'c1', name: 'get_weather', content: 'unknown city', isError: true },
    ];
    expect(toChatHistory(messages)).toEqual([
      { type: 'user', text: 'weather and time?' },
      {
        type: 'model',
        response: [
          { type: 'functionCall', name: 'get_weather', params: { city: 'Oslo' }, result: { error: 'unknown city' } },
          { type: 'functionCall', name: 'get_time', params: {}, result: '12:00' },
        ],
      },
    ]);
  });

  it('keeps assistant text before its calls, leaves an unanswered call without result', () => {
    const history = toChatHistory([
      { role: 'user', content: 'q' },
      { role: 'assistant', content: 'Checking.', toolCalls: [{ id: 'c9', name: 'lookup', argumentsText: '{"q":1}' }] },
    ]);
    expect(history).toEqual([
      { type: 'user', text: 'q' },
      { type: 'model', response: ['Checking.', { type: 'functionCall', name: 'lookup', params: { q: 1 }, result: undefined }] },
    ]);
  });

  it('adds an empty model item after a user message that follows a tool round', () => {
    const history = toChatHistory([
      { role: 'user', content: 'a' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'f', argumentsText: '{}' }] },
      { role: 'tool', toolCallId: 'c1', name: 'f', content: 'r' },
      { role: 'assistant', content: 'done' },
      { role: 'user', content: 'again' },
    ]);
    expect(history.map((item) => item.type)).toEqual(['user', 'model', 'model', 'user', 'model']);
    expect(history.at(-1)).toEqual({ type: 'model', response: [] });
  });

  it('throws a protocol VerifyError naming the call for arguments that are not JSON', () => {
    let thrown: unknown;
    try {
      toChatHistory([{ role: 'assistant', content: '', toolCalls: [{ id: 'bad_call', name: 'f', argumentsText: '{"a":' }] }]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(VerifyError);
    expect(thrown).toMatchObject({ kind: 'invalid_request', layer: 'protocol', message: 'embedded: tool call bad_call has arguments that are not JSON' });
  });
});

describe('toChatModelFunctions', () => {
  it('keys tools by name with description and params', () => {
    const parameters = { type: 'object', properties: { city: { type: 'string' } } };
    expect(toChatModelFunctions([{ name: 'get_weather', description: 'Weather', parameters }])).toEqual({
      get_weather: { description: 'Weather', params: parameters },
    });
    expect(toChatModelFunctions([])).toEqual({});
  });
});
