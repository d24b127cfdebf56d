import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../contract/chat.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { toResponseCreateParams, toResponseInputItems, toResponsesToolChoice } from './map-request.ts';

const calculator = {
  name: 'calculator',
  description: 'Evaluates an arithmetic expression',
  parameters: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] },
};

const base: ChatRequest = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };

describe('openai-responses request mapping', () => {
  it('puts leading system messages into instructions and keeps later ones in place', () => {
    const params = toResponseCreateParams({
      model: 'm',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'system', content: 'be kind' },
        { role: 'user', content: 'hi' },
        { role: 'system', content: 'now in French' },
      ],
    });
    expect(params.instructions).toBe('be brief\n\nbe kind');
    expect(params.input).toEqual([
      { type: 'message', role: 'user', content: 'hi' },
      { type: 'message', role: 'system', content: 'now in French' },
    ]);
    expect(params.model).toBe('m');
    expect(params.store).toBe(false);
  });

  it('omits instructions when there is no system message', () => {
    expect(toResponseCreateParams(base).instructions).toBeUndefined();
  });

  it('maps assistant tool calls to function_call items and tool results to function_call_output', () => {
    const items = [
      ...toResponseInputItems({ role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'calculator', argumentsText: '{"expression":"2+2"}' }] }),
      ...toResponseInputItems({ role: 'tool', toolCallId: 'call_1', name: 'calculator', content: '4' }),
    ];
    expect(items).toEqual([
      { type: 'function_call', call_id: 'call_1', name: 'calculator', arguments: '{"expression":"2+2"}' },
      { type: 'function_call_output', call_id: 'call_1', output: '4' },
    ]);
  });

  it('keeps assistant text before its function calls', () => {
    const items = toResponseInputItems({ role: 'assistant', content: 'let me compute', toolCalls: [{ id: 'c', name: 'calculator', argumentsText: '{}' }] });
    expect(items.map((item) => item.type)).toEqual(['message', 'function_call']);
    expect(toResponseInputItems({ role: 'assistant', content: '' })).toEqual([{ type: 'message', role: 'assistant', content: '' }]);
  });

  it('maps sampling, max tokens and tools (flat function tools, strict false)', () => {
    const params = toResponseCreateParams({ ...base, temperature: 0.2, topP: 0.9, maxTokens: 7, tools: [calculator], parallelToolCalls: false });
    expect(params.temperature).toBe(0.2);
    expect(params.top_p).toBe(0.9);
    expect(params.max_output_tokens).toBe(7);
    expect(params.parallel_tool_calls).toBe(false);
    expect(params.tools).toEqual([{ type: 'function', name: 'calculator', description: calculator.description, parameters: calculator.parameters, strict: false }]);
  });

  it('sends no tools and no parallel_tool_calls without tools', () => {
    const params = toResponseCreateParams({ ...base, parallelToolCalls: true });
    expect(params.tools).toBeUndefined();
    expect(params.parallel_tool_calls).toBeUndefined();
  });

  it('maps tool_choice', () => {
    expect(toResponsesToolChoice('auto')).toBe('auto');
    expect(toResponsesToolChoice('none')).toBe('none');
    expect(toResponsesToolChoice('required')).toBe('required');
    expect(toResponsesToolChoice({ name: 'calculator' })).toEqual({ type: 'function', name: 'calculator' });
    expect(toResponseCreateParams({ ...base, tools: [calculator], toolChoice: 'required' }).tool_choice).toBe('required');
  });

  it.each<[string, Partial<ChatRequest>]>([
    ['stop', { stop: ['\n'] }],
    ['seed', { seed: 42 }],
  ])('refuses %s, which the Responses API cannot carry', (name, extra) => {
    let thrown: unknown;
    try {
      toResponseCreateParams({ ...base, ...extra });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(VerifyError);
    expect((thrown as VerifyError).kind).toBe('unrepresentable');
    expect((thrown as VerifyError).message).toContain(`'${name}'`);
  });
});
