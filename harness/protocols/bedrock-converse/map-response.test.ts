import type { ConverseResponse } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { VerifyError } from '../../contract/verify-error.ts';
import { fromConverseResponse } from './map-response.ts';

describe('bedrock-converse fromConverseResponse', () => {
  it('maps text, usage and end_turn', () => {
    const response: ConverseResponse = {
      output: { message: { role: 'assistant', content: [{ text: 'Hello' }, { text: ' there' }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: 12, outputTokens: 3, totalTokens: 15 },
      metrics: { latencyMs: 120 },
    };
    expect(fromConverseResponse(response, 'req-1')).toEqual({
      text: 'Hello there',
      reasoning: undefined,
      toolCalls: [],
      finishReason: 'stop',
      rawFinishReason: 'end_turn',
      usage: { input: 12, output: 3, total: 15 },
      id: 'req-1',
    });
  });

  it('maps toolUse blocks to tool calls with JSON argument text, reasoning, and tool_use → tool_calls', () => {
    const response: ConverseResponse = {
      output: {
        message: {
          role: 'assistant',
          content: [
            { reasoningContent: { reasoningText: { text: 'Need weather.', signature: 'sig' } } },
            { toolUse: { toolUseId: 'tooluse_abc', name: 'get_weather', input: { city: 'Paris' } } },
          ],
        },
      },
      stopReason: 'tool_use',
      usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 },
      metrics: { latencyMs: 1 },
    };
    const mapped = fromConverseResponse(response);
    expect(mapped.toolCalls).toEqual([{ id: 'tooluse_abc', name: 'get_weather', argumentsText: '{"city":"Paris"}' }]);
    expect(mapped.reasoning).toBe('Need weather.');
    expect(mapped.finishReason).toBe('tool_calls');
  });

  it('a toolUse block without toolUseId gives a call without id (never an empty or invented one)', () => {
    const response = {
      output: { message: { role: 'assistant', content: [{ toolUse: { name: 'get_weather', input: {} } }] } },
      stopReason: 'tool_use',
    } as unknown as ConverseResponse;
    const [call] = fromConverseResponse(response).toolCalls;
    expect(call).toEqual({ name: 'get_weather', argumentsText: '{}' });
  });

  it.each([
    ['max_tokens', 'length'],
    ['stop_sequence', 'stop'],
    ['guardrail_intervened', 'content_filter'],
    ['content_filtered', 'content_filter'],
    ['malformed_tool_use', 'error'],
  ] as const)('maps stopReason %s to %s', (stopReason, expected) => {
    const response: ConverseResponse = { output: { message: { role: 'assistant', content: [{ text: 'x' }] } }, stopReason, usage: undefined, metrics: undefined };
    expect(fromConverseResponse(response).finishReason).toBe(expected);
  });

  it('fails at the protocol layer when there is no output message', () => {
    const response = { output: undefined, stopReason: 'end_turn', usage: undefined, metrics: undefined } as ConverseResponse;
    expect(() => fromConverseResponse(response)).toThrow(VerifyError);
  });
});
