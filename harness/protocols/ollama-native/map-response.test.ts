import type { ChatResponse as OllamaChatResponse, ModelResponse } from 'ollama';
import { describe, expect, it } from 'vitest';
import { capabilitiesFromShow, contextWindowFromShow, fromOllamaChatResponse, fromOllamaUsage, toModelListing } from './map-response.ts';

const base: OllamaChatResponse = {
  model: 'smollm2-135m-instruct',
  created_at: new Date(0),
  message: { role: 'assistant', content: 'Hello!' },
  done: true,
  done_reason: 'stop',
  total_duration: 1,
  load_duration: 1,
  prompt_eval_count: 12,
  prompt_eval_duration: 1,
  eval_count: 3,
  eval_duration: 1,
};

describe('ollama-native map-response', () => {
  it('maps text, done_reason and counters', () => {
    expect(fromOllamaChatResponse(base)).toEqual({
      text: 'Hello!',
      reasoning: undefined,
      toolCalls: [],
      finishReason: 'stop',
      rawFinishReason: 'stop',
      usage: { input: 12, output: 3 },
      model: 'smollm2-135m-instruct',
    });
    expect(fromOllamaChatResponse({ ...base, done_reason: 'length' }).finishReason).toBe('length');
  });

  it('reports thinking as reasoning', () => {
    expect(fromOllamaChatResponse({ ...base, message: { role: 'assistant', content: '4', thinking: '2+2' } }).reasoning).toBe('2+2');
  });

  it('keeps tool call ids the server sent, makes up marked synthesized ids otherwise (the native API pairs by name), and turns a stop into tool_calls', () => {
    const message = {
      role: 'assistant',
      content: '',
      tool_calls: [
        { id: 'call_abc', function: { index: 0, name: 'get_weather', arguments: { city: 'Paris' } } },
        { function: { name: 'get_time', arguments: {} } },
      ],
    };
    const response = fromOllamaChatResponse({ ...base, message });
    expect(response.toolCalls).toEqual([
      { id: 'call_abc', name: 'get_weather', argumentsText: '{"city":"Paris"}' },
      { id: 'synthesized_1', idSource: 'synthesized', name: 'get_time', argumentsText: '{}' },
    ]);
    expect(response.finishReason).toBe('tool_calls');
    expect(response.rawFinishReason).toBe('stop');
  });

  it('fails at the protocol layer when the answer has no message', () => {
    expect(() => fromOllamaChatResponse({ ...base, message: undefined } as unknown as OllamaChatResponse)).toThrow(/no message/);
  });

  it('leaves usage undefined when Ollama omits the counters', () => {
    expect(fromOllamaUsage({})).toBeUndefined();
    expect(fromOllamaUsage({ eval_count: 5 })).toEqual({ input: undefined, output: 5, total: undefined });
  });

  it('maps /api/show capabilities, absence meaning declared unsupported', () => {
    expect(capabilitiesFromShow(['completion'])).toEqual({ chat: true, tools: false, reasoning: false, vision: false });
    expect(capabilitiesFromShow(['completion', 'tools', 'thinking', 'vision'])).toEqual({ chat: true, tools: true, reasoning: true, vision: true });
    expect(capabilitiesFromShow(['embedding'])).toMatchObject({ chat: false });
    expect(capabilitiesFromShow(undefined)).toBeUndefined();
  });

  it('reads the context length of the model architecture', () => {
    const info = { 'general.architecture': 'llama', 'llama.context_length': 8192 } as unknown as Map<string, unknown>;
    expect(contextWindowFromShow({ model_info: info })).toBe(8192);
    expect(contextWindowFromShow({ model_info: {} as unknown as Map<string, unknown> })).toBeUndefined();
  });

  it('builds a listing from /api/tags and /api/show', () => {
    const model = {
      name: 'smollm2-135m-instruct:latest',
      details: { parameter_size: '134.52M', quantization_level: 'Q4_1' },
    } as unknown as ModelResponse;
    const info = { 'general.architecture': 'llama', 'llama.context_length': 8192 } as unknown as Map<string, unknown>;
    expect(toModelListing(model, { model_info: info, capabilities: ['completion'] })).toEqual({
      id: 'smollm2-135m-instruct:latest',
      displayName: 'smollm2-135m-instruct:latest (134.52M Q4_1)',
      contextWindow: 8192,
      capabilities: { chat: true, tools: false, reasoning: false, vision: false },
    });
    expect(toModelListing(model)).toEqual({ id: 'smollm2-135m-instruct:latest', displayName: 'smollm2-135m-instruct:latest (134.52M Q4_1)' });
  });
});
