import { describe, expect, it } from 'vitest';
import { anthropicFinishReason } from '../anthropic-messages/finish-reason.ts';
import { bedrockFinishReason } from '../bedrock-converse/finish-reason.ts';
import { geminiFinishReason } from '../gemini/finish-reason.ts';
import { ollamaFinishReason } from '../ollama-native/finish-reason.ts';
import { openAIChatFinishReason } from '../openai-chat/finish-reason.ts';
import { openAIResponsesFinishReason } from '../openai-responses/finish-reason.ts';
import { finishReasonMapper, type FinishReasonMapper } from './finish-reason.ts';

describe('finish reasons, each by its own protocol\'s table', () => {
  it.each([
    ['openai-chat', openAIChatFinishReason, 'stop', 'stop'],
    ['openai-chat', openAIChatFinishReason, 'length', 'length'],
    ['openai-chat', openAIChatFinishReason, 'tool_calls', 'tool_calls'],
    ['openai-chat', openAIChatFinishReason, 'function_call', 'tool_calls'],
    ['openai-chat', openAIChatFinishReason, 'content_filter', 'content_filter'],
    ['openai-responses', openAIResponsesFinishReason, 'max_output_tokens', 'length'],
    ['anthropic-messages', anthropicFinishReason, 'end_turn', 'stop'],
    ['anthropic-messages', anthropicFinishReason, 'stop_sequence', 'stop'],
    ['anthropic-messages', anthropicFinishReason, 'max_tokens', 'length'],
    ['anthropic-messages', anthropicFinishReason, 'tool_use', 'tool_calls'],
    ['anthropic-messages', anthropicFinishReason, 'refusal', 'content_filter'],
    ['anthropic-messages', anthropicFinishReason, 'model_context_window_exceeded', 'length'],
    ['bedrock-converse', bedrockFinishReason, 'guardrail_intervened', 'content_filter'],
    ['gemini', geminiFinishReason, 'STOP', 'stop'],
    ['gemini', geminiFinishReason, 'MAX_TOKENS', 'length'],
    ['gemini', geminiFinishReason, 'SAFETY', 'content_filter'],
    ['gemini', geminiFinishReason, 'MALFORMED_FUNCTION_CALL', 'error'],
    ['ollama-native', ollamaFinishReason, 'load', 'stop'],
  ] as const)('%s: %s → %s', (_protocol, mapper: FinishReasonMapper, raw, expected) => {
    expect(mapper(raw)).toBe(expected);
  });

  it('maps unknown reasons to error, and leaves missing or empty reasons absent (never invented)', () => {
    expect(openAIChatFinishReason('something_new')).toBe('error');
    expect(openAIChatFinishReason(null)).toBeUndefined();
    expect(openAIChatFinishReason(undefined)).toBeUndefined();
    expect(openAIChatFinishReason('')).toBeUndefined();
    expect(openAIChatFinishReason('Stop')).toBe('error');
    expect(finishReasonMapper({})('toString')).toBe('error');
  });

  it('a reason of another protocol is unknown here (each table is its protocol\'s own)', () => {
    expect(openAIChatFinishReason('end_turn')).toBe('error');
    expect(anthropicFinishReason('stop')).toBe('error');
  });

  it('turns a plain stop into tool_calls when calls were made, but never invents a missing reason', () => {
    expect(geminiFinishReason('STOP', true)).toBe('tool_calls');
    expect(ollamaFinishReason('stop', true)).toBe('tool_calls');
    expect(ollamaFinishReason(undefined, true)).toBeUndefined();
    expect(ollamaFinishReason('length', true)).toBe('length');
    expect(geminiFinishReason('SAFETY', true)).toBe('content_filter');
  });
});
