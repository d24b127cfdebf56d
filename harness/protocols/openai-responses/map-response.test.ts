import { readFileSync } from 'node:fs';
import type { Response, ResponseOutputMessage } from 'openai/resources/responses/responses';
import { describe, expect, it } from 'vitest';
import { fromResponse, fromResponsesUsage } from './map-response.ts';

function response(overrides: Partial<Response>): Response {
  return {
    id: 'resp_1',
    object: 'response',
    created_at: 0,
    model: 'smollm2',
    output_text: '',
    output: [],
    status: 'completed',
    error: null,
    incomplete_details: null,
    instructions: null,
    metadata: null,
    parallel_tool_calls: false,
    temperature: null,
    top_p: null,
    tool_choice: 'auto',
    tools: [],
    access_programs: null,
    usage: { input_tokens: 10, output_tokens: 5, total_tokens: 15, input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } },
    ...overrides,
  } as Response;
}

const message = (text: string): ResponseOutputMessage => ({
  type: 'message',
  id: 'msg_1',
  role: 'assistant',
  status: 'completed',
  content: [{ type: 'output_text', text, annotations: [] }],
});

describe('openai-responses response mapping', () => {
  it('maps text, usage, id and model; completed without calls is stop', () => {
    const mapped = fromResponse(response({ output: [message('Hello'), message(' world')] }));
    expect(mapped.text).toBe('Hello world');
    expect(mapped.toolCalls).toEqual([]);
    expect(mapped.finishReason).toBe('stop');
    expect(mapped.rawFinishReason).toBe('completed');
    expect(mapped.usage).toEqual({ input: 10, output: 5, total: 15, cachedInput: 0 });
    expect(mapped.id).toBe('resp_1');
    expect(mapped.model).toBe('smollm2');
  });

  it('maps function_call items to tool calls keyed by call_id; completed with calls is tool_calls', () => {
    const mapped = fromResponse(
      response({ output: [{ type: 'function_call', id: 'fc_1', call_id: 'call_9', name: 'calculator', arguments: '{"expression":"1+1"}', status: 'completed' }] }),
    );
    expect(mapped.toolCalls).toEqual([{ id: 'call_9', name: 'calculator', argumentsText: '{"expression":"1+1"}' }]);
    expect(mapped.finishReason).toBe('tool_calls');
  });

  it('maps incomplete max_output_tokens to length and content_filter to content_filter', () => {
    const length = fromResponse(response({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output: [message('Hel')] }));
    expect(length.finishReason).toBe('length');
    expect(length.rawFinishReason).toBe('max_output_tokens');
    const filtered = fromResponse(response({ status: 'incomplete', incomplete_details: { reason: 'content_filter' } }));
    expect(filtered.finishReason).toBe('content_filter');
  });

  it('maps a failed status to error and leaves a missing status absent (never invented)', () => {
    const failed = fromResponse(response({ status: 'failed', error: { code: 'server_error', message: 'boom' } }));
    expect(failed.finishReason).toBe('error');
    expect(failed.rawFinishReason).toBe('server_error');
    const missing = fromResponse(response({ status: undefined }));
    expect(missing.finishReason).toBeUndefined();
    expect(missing.rawFinishReason).toBeUndefined();
  });

  it('collects reasoning text', () => {
    const mapped = fromResponse(
      response({ output: [{ type: 'reasoning', id: 'rs_1', summary: [], content: [{ type: 'reasoning_text', text: 'think' }] }, message('ok')] }),
    );
    expect(mapped.reasoning).toBe('think');
    expect(mapped.text).toBe('ok');
  });

  it('leaves usage undefined when absent and keeps partial usage', () => {
    expect(fromResponse(response({ usage: undefined })).usage).toBeUndefined();
    expect(fromResponsesUsage({ input_tokens: 3 })).toEqual({ input: 3, output: undefined, total: undefined });
  });

  it('throws a protocol error when output is missing', () => {
    expect(() => fromResponse(response({ output: undefined as unknown as Response['output'] }))).toThrow(/no output array/);
  });
});

describe('openai-responses response mapping (responses recorded from llama-server)', () => {
  const recorded = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as Response;

  it('text: completed is stop, usage as reported', () => {
    const raw = recorded('text-response');
    const mapped = fromResponse(raw);
    expect(mapped.text.length).toBeGreaterThan(0);
    expect(mapped.finishReason).toBe('stop');
    expect(mapped.usage).toEqual({ input: raw.usage?.input_tokens, output: raw.usage?.output_tokens, total: raw.usage?.total_tokens, cachedInput: raw.usage?.input_tokens_details?.cached_tokens });
  });

  it('max_output_tokens hit: llama-server still says completed, so the adapter can only report stop', () => {
    const raw = recorded('length-response');
    expect(raw.status).toBe('completed');
    expect(raw.usage?.output_tokens).toBe(3);
    expect(fromResponse(raw).finishReason).toBe('stop');
  });
});
