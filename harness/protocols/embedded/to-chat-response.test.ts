import { describe, expect, it } from 'vitest';
import { synthesizedCallId, toChatResponse } from './client.ts';

describe('embedded generation result → contract (no wire: node-llama-cpp result shapes)', () => {
  it('reports the token meter without a computed total, and marks every call id as synthesized', () => {
    const response = toChatResponse(
      { response: '', functionCalls: [{ functionName: 'get_time', params: {}, raw: [] }, { functionName: 'get_weather', params: { city: 'Oslo' }, raw: [] }], metadata: { stopReason: 'functionCalls' } } as never,
      { input: 40, output: 12 },
      'smollm2',
    );
    expect(response.usage).toEqual({ input: 40, output: 12 });
    expect(response.toolCalls).toEqual([
      { id: 'synthesized_0', idSource: 'synthesized', name: 'get_time', argumentsText: '{}' },
      { id: 'synthesized_1', idSource: 'synthesized', name: 'get_weather', argumentsText: '{"city":"Oslo"}' },
    ]);
    expect(response).toMatchObject({ finishReason: 'tool_calls', rawFinishReason: 'functionCalls', model: 'smollm2' });
    expect(synthesizedCallId(3)).toEqual({ id: 'synthesized_3', idSource: 'synthesized' });
  });

  it('maps the library stop reason through its table', () => {
    const text = toChatResponse({ response: 'hi', functionCalls: undefined, metadata: { stopReason: 'maxTokens' } } as never, { input: 1, output: 2 }, 'm');
    expect(text).toMatchObject({ text: 'hi', toolCalls: [], finishReason: 'length', rawFinishReason: 'maxTokens' });
  });
});
