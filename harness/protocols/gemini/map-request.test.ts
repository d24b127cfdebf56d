import { FunctionCallingConfigMode } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { VerifyError } from '../../contract/verify-error.ts';
import { createCallIdRegistry } from './call-ids.ts';
import { toGenerateContentParameters } from './map-request.ts';

const weather = { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };

describe('gemini toGenerateContentParameters', () => {
  it('maps system → systemInstruction, sampling and limits into config', () => {
    const params = toGenerateContentParameters(
      {
        model: 'gemini-2.5-flash',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello' },
          { role: 'user', content: 'Bye' },
        ],
        maxTokens: 32,
        temperature: 0,
        topP: 0.5,
        stop: ['END'],
        seed: 42,
      },
      createCallIdRegistry(),
    );
    expect(params).toEqual({
      model: 'gemini-2.5-flash',
      contents: [
        { role: 'user', parts: [{ text: 'Hi' }] },
        { role: 'model', parts: [{ text: 'Hello' }] },
        { role: 'user', parts: [{ text: 'Bye' }] },
      ],
      config: { systemInstruction: { parts: [{ text: 'Be brief.' }] }, temperature: 0, topP: 0.5, maxOutputTokens: 32, stopSequences: ['END'], seed: 42 },
    });
  });

  it('sends no config when nothing is set', () => {
    expect(toGenerateContentParameters({ model: 'm', messages: [{ role: 'user', content: 'x' }] }, createCallIdRegistry())).toEqual({
      model: 'm',
      contents: [{ role: 'user', parts: [{ text: 'x' }] }],
    });
  });

  it('maps tools to functionDeclarations with parametersJsonSchema', () => {
    const params = toGenerateContentParameters({ model: 'm', messages: [{ role: 'user', content: 'x' }], tools: [weather] }, createCallIdRegistry());
    expect(params.config?.tools).toEqual([{ functionDeclarations: [{ name: 'get_weather', description: 'Weather for a city', parametersJsonSchema: weather.parameters }] }]);
    expect(params.config?.toolConfig).toBeUndefined();
  });

  it.each([
    ['auto', { mode: FunctionCallingConfigMode.AUTO }],
    ['none', { mode: FunctionCallingConfigMode.NONE }],
    ['required', { mode: FunctionCallingConfigMode.ANY }],
    [{ name: 'get_weather' }, { mode: FunctionCallingConfigMode.ANY, allowedFunctionNames: ['get_weather'] }],
  ] as const)('maps toolChoice %j to functionCallingConfig %j', (choice, expected) => {
    const params = toGenerateContentParameters({ model: 'm', messages: [{ role: 'user', content: 'x' }], tools: [weather], toolChoice: choice }, createCallIdRegistry());
    expect(params.config?.toolConfig).toEqual({ functionCallingConfig: expected });
  });

  it('sends provider ids back, leaves synthetic ids out, re-attaches thought signatures, and merges function responses', () => {
    const ids = createCallIdRegistry();
    const real = ids.assign('fc-abc', 'c2lnbmF0dXJl').id;
    const synthesized = ids.assign(undefined);
    expect(synthesized).toEqual({ id: 'synthesized_0', idSource: 'synthesized' });
    const synthetic = synthesized.id;
    const params = toGenerateContentParameters(
      {
        model: 'm',
        messages: [
          { role: 'user', content: 'Weather in Paris and Rome?' },
          {
            role: 'assistant',
            content: '',
            toolCalls: [
              { id: real, name: 'get_weather', argumentsText: '{"city":"Paris"}' },
              { id: synthetic, name: 'get_weather', argumentsText: '{"city":"Rome"}' },
            ],
          },
          { role: 'tool', toolCallId: real, name: 'get_weather', content: '18C' },
          { role: 'tool', toolCallId: synthetic, name: 'get_weather', content: 'station offline', isError: true },
        ],
      },
      ids,
    );
    expect(params.contents).toEqual([
      { role: 'user', parts: [{ text: 'Weather in Paris and Rome?' }] },
      {
        role: 'model',
        parts: [
          { functionCall: { id: 'fc-abc', name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'c2lnbmF0dXJl' },
          { functionCall: { name: 'get_weather', args: { city: 'Rome' } } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { id: 'fc-abc', name: 'get_weather', response: { output: '18C' } } },
          { functionResponse: { name: 'get_weather', response: { error: 'station offline' } } },
        ],
      },
    ]);
  });

  it('refuses tool-call arguments that are not a JSON object', () => {
    for (const argumentsText of ['{oops', '[1,2]']) {
      expect(() =>
        toGenerateContentParameters({ model: 'm', messages: [{ role: 'assistant', content: '', toolCalls: [{ id: 'x', name: 'f', argumentsText }] }] }, createCallIdRegistry()),
      ).toThrow(VerifyError);
    }
  });
});
