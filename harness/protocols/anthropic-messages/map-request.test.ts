import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../contract/chat.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { DEFAULT_MAX_TOKENS, toAnthropicMessages, toAnthropicToolChoice, toMessageCreateParams, toToolUseInput } from './map-request.ts';

const calculator = {
  name: 'calculator',
  description: 'Evaluates an arithmetic expression',
  parameters: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] },
};

const base: ChatRequest = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };

function thrownBy(run: () => unknown): VerifyError {
  try {
    run();
  } catch (error) {
    if (error instanceof VerifyError) return error;
    throw error;
  }
  throw new Error('expected a VerifyError');
}

describe('anthropic-messages request mapping', () => {
  it('moves leading system messages to the top-level system and keeps later ones in place', () => {
    const mapped = toAnthropicMessages([
      { role: 'system', content: 'be brief' },
      { role: 'system', content: 'be kind' },
      { role: 'user', content: 'hi' },
      { role: 'system', content: 'now in French' },
    ]);
    expect(mapped.system).toBe('be brief\n\nbe kind');
    expect(mapped.messages).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'system', content: 'now in French' },
    ]);
    expect(toAnthropicMessages([{ role: 'user', content: 'x' }]).system).toBeUndefined();
  });

  it('maps assistant tool calls to tool_use blocks with parsed input', () => {
    const { messages } = toAnthropicMessages([
      { role: 'user', content: 'add' },
      {
        role: 'assistant',
        content: 'computing',
        toolCalls: [
          { id: 'toolu_1', name: 'calculator', argumentsText: '{"expression":"2+2"}' },
          { id: 'toolu_2', name: 'calculator', argumentsText: '' },
        ],
      },
    ]);
    expect(messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'computing' },
        { type: 'tool_use', id: 'toolu_1', name: 'calculator', input: { expression: '2+2' } },
        { type: 'tool_use', id: 'toolu_2', name: 'calculator', input: {} },
      ],
    });
  });

  it('groups consecutive tool results into one user message of tool_result blocks', () => {
    const { messages } = toAnthropicMessages([
      { role: 'user', content: 'add twice' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'a', name: 'calculator', argumentsText: '{}' }, { id: 'b', name: 'calculator', argumentsText: '{}' }] },
      { role: 'tool', toolCallId: 'a', name: 'calculator', content: '4' },
      { role: 'tool', toolCallId: 'b', name: 'calculator', content: 'bad expression', isError: true },
      { role: 'user', content: 'thanks' },
      { role: 'tool', toolCallId: 'c', name: 'calculator', content: '5' },
    ]);
    expect(messages).toHaveLength(5);
    expect(messages[1]?.content).toEqual([
      { type: 'tool_use', id: 'a', name: 'calculator', input: {} },
      { type: 'tool_use', id: 'b', name: 'calculator', input: {} },
    ]);
    expect(messages[2]).toEqual({
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'a', content: '4' },
        { type: 'tool_result', tool_use_id: 'b', content: 'bad expression', is_error: true },
      ],
    });
    expect(messages[3]).toEqual({ role: 'user', content: 'thanks' });
    expect(messages[4]).toEqual({ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'c', content: '5' }] });
  });

  it('refuses tool-call arguments that are not a JSON object', () => {
    expect(thrownBy(() => toToolUseInput({ id: 'x', name: 'calculator', argumentsText: '{"expression":' })).kind).toBe('invalid_request');
    expect(() => toToolUseInput({ id: 'x', name: 'calculator', argumentsText: '[1]' })).toThrow(/not a JSON object/);
  });

  it('defaults max_tokens (required by Anthropic) and maps stop to stop_sequences', () => {
    expect(toMessageCreateParams(base).max_tokens).toBe(DEFAULT_MAX_TOKENS);
    const params = toMessageCreateParams({ ...base, maxTokens: 9, stop: ['END'] });
    expect(params.max_tokens).toBe(9);
    expect(params.stop_sequences).toEqual(['END']);
    expect(params.model).toBe('m');
  });

  it('maps tools to input_schema tools', () => {
    const params = toMessageCreateParams({ ...base, tools: [calculator] });
    expect(params.tools).toEqual([{ name: 'calculator', description: calculator.description, input_schema: calculator.parameters }]);
    expect(params.tool_choice).toBeUndefined();
  });

  it('maps tool_choice auto / required→any / none / named tool, and parallelToolCalls false', () => {
    expect(toAnthropicToolChoice('auto')).toEqual({ type: 'auto' });
    expect(toAnthropicToolChoice('required')).toEqual({ type: 'any' });
    expect(toAnthropicToolChoice('none')).toEqual({ type: 'none' });
    expect(toAnthropicToolChoice({ name: 'calculator' })).toEqual({ type: 'tool', name: 'calculator' });
    expect(toAnthropicToolChoice('required', false)).toEqual({ type: 'any', disable_parallel_tool_use: true });
    expect(toAnthropicToolChoice(undefined, false)).toEqual({ type: 'auto', disable_parallel_tool_use: true });
    expect(toAnthropicToolChoice('none', false)).toEqual({ type: 'none' });
    expect(toAnthropicToolChoice(undefined)).toBeUndefined();
    // parallelToolCalls without tools sends nothing.
    expect(toMessageCreateParams({ ...base, parallelToolCalls: false }).tool_choice).toBeUndefined();
  });

  it.each<[string, Partial<ChatRequest>]>([
    ['seed', { seed: 1 }],
    ['temperature', { temperature: 0 }],
    ['top_p', { topP: 0.5 }],
  ])('refuses %s, which this Messages API version cannot carry', (name, extra) => {
    const error = thrownBy(() => toMessageCreateParams({ ...base, ...extra }));
    expect(error.kind).toBe('unrepresentable');
    expect(error.message).toContain(`'${name}'`);
  });
});
