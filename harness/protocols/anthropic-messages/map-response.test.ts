import { readFileSync } from 'node:fs';
import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import { describe, expect, it } from 'vitest';
import { fromAnthropicMessage, fromAnthropicUsage } from './map-response.ts';

function message(overrides: Partial<Message>): Message {
  return {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'smollm2',
    content: [],
    stop_reason: 'end_turn',
    stop_sequence: null,
    container: null,
    diagnostics: null,
    stop_details: null,
    usage: { input_tokens: 12, output_tokens: 3 },
    ...overrides,
  } as Message;
}

describe('anthropic-messages response mapping', () => {
  it('maps text, id, model and usage (no total: Anthropic sends none, and none is computed)', () => {
    const mapped = fromAnthropicMessage(message({ content: [{ type: 'text', text: 'Hi', citations: null }, { type: 'text', text: '!', citations: null }] }));
    expect(mapped.text).toBe('Hi!');
    expect(mapped.finishReason).toBe('stop');
    expect(mapped.rawFinishReason).toBe('end_turn');
    expect(mapped.usage).toEqual({ input: 12, output: 3 });
    expect(mapped.id).toBe('msg_1');
    expect(mapped.model).toBe('smollm2');
  });

  it('maps tool_use blocks to tool calls with the input as JSON text', () => {
    const mapped = fromAnthropicMessage(
      message({
        stop_reason: 'tool_use',
        content: [{ type: 'tool_use', id: 'toolu_1', name: 'calculator', input: { expression: '2+2' }, caller: { type: 'direct' } }],
      }),
    );
    expect(mapped.toolCalls).toEqual([{ id: 'toolu_1', name: 'calculator', argumentsText: '{"expression":"2+2"}' }]);
    expect(mapped.finishReason).toBe('tool_calls');
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['model_context_window_exceeded', 'length'],
  ] as const)('maps stop_reason %s to %s', (raw, expected) => {
    expect(fromAnthropicMessage(message({ stop_reason: raw })).finishReason).toBe(expected);
  });

  it('leaves a null stop_reason absent (never invented)', () => {
    expect(fromAnthropicMessage(message({ stop_reason: null })).finishReason).toBeUndefined();
  });

  it('collects thinking blocks as reasoning', () => {
    const mapped = fromAnthropicMessage(message({ content: [{ type: 'thinking', thinking: 'hmm', signature: 's' }, { type: 'text', text: 'ok', citations: null }] }));
    expect(mapped.reasoning).toBe('hmm');
    expect(mapped.text).toBe('ok');
  });

  it('counts cache reads and writes as input (Anthropic input_tokens excludes them)', () => {
    expect(fromAnthropicUsage({ input_tokens: 1, cache_read_input_tokens: 26, cache_creation_input_tokens: 3, output_tokens: 6 })).toEqual({ input: 30, output: 6, cachedInput: 26 });
  });

  it('leaves a missing count undefined, and never reports a total', () => {
    expect(fromAnthropicUsage({ input_tokens: 4, output_tokens: null })).toEqual({ input: 4, output: undefined });
    expect(fromAnthropicUsage(undefined)).toBeUndefined();
  });

  it('throws a protocol error when content is missing', () => {
    expect(() => fromAnthropicMessage(message({ content: undefined as unknown as Message['content'] }))).toThrow(/no content array/);
  });
});

describe('anthropic-messages response mapping (messages recorded from llama-server)', () => {
  const recorded = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as Message;

  it('text: end_turn is stop, input counts cache reads', () => {
    const raw = recorded('text-response');
    const mapped = fromAnthropicMessage(raw);
    expect(mapped.text.length).toBeGreaterThan(0);
    expect(mapped.finishReason).toBe('stop');
    expect(mapped.usage?.input).toBe(raw.usage.input_tokens + (raw.usage.cache_read_input_tokens ?? 0));
  });

  it('max_tokens hit: stop_reason max_tokens is length', () => {
    const mapped = fromAnthropicMessage(recorded('length-response'));
    expect(mapped).toMatchObject({ finishReason: 'length', rawFinishReason: 'max_tokens', usage: { output: 3 } });
  });

  it('stop sequence hit: llama-server says end_turn (not stop_sequence) but names the sequence; both are stop', () => {
    const raw = recorded('stop-sequence-response');
    expect(raw.stop_sequence).toBe(' ');
    expect(fromAnthropicMessage(raw).finishReason).toBe('stop');
  });
});
