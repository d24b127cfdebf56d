import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProtocolId } from '../contract/protocol-client.ts';
import { terminalSignal } from './registry.ts';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const list = (path: string) => read(path) as Array<Record<string, unknown>>;

/** REAL recordings from llama-server de3ff81 / Ollama (the protocol folders' fixtures), and modified copies of them. */
describe('terminal signals, on recorded streams and cut copies of them', () => {
  const cases: Array<[ProtocolId, Array<Record<string, unknown>>, (event: Record<string, unknown>) => boolean]> = [
    ['openai-chat', list('./openai-chat/fixtures/text-stream.json'), (event) => (event.choices as Array<{ finish_reason?: unknown }>).some((choice) => choice.finish_reason)],
    ['openai-chat', list('./openai-chat/fixtures/tool-call-stream.json'), (event) => (event.choices as Array<{ finish_reason?: unknown }>).some((choice) => choice.finish_reason)],
    ['openai-responses', list('./openai-responses/fixtures/text-stream.json'), (event) => event.type === 'response.completed'],
    ['openai-responses', list('./openai-responses/fixtures/tool-stream.json'), (event) => event.type === 'response.completed'],
    ['anthropic-messages', list('./anthropic-messages/fixtures/text-stream.json'), (event) => event.type === 'message_stop'],
    ['anthropic-messages', list('./anthropic-messages/fixtures/tool-stream.json'), (event) => event.type === 'message_delta'],
    ['ollama-native', (read('./ollama-native/fixtures/stream-text.json') as { chunks: Array<Record<string, unknown>> }).chunks, (event) => event.done === true],
  ];

  it.each(cases.map(([protocol, events, terminal], i) => [`${protocol} #${i}`, protocol, events, terminal] as const))('%s: seen in the recording, not once the terminal event is removed', (_name, protocol, events, terminal) => {
    const signal = terminalSignal(protocol);
    expect(signal.seenIn(events)).toBe(true);
    expect(signal.seenIn(events.filter((event) => !terminal(event)))).toBe(false);
    expect(signal.seenIn(events.slice(0, 3))).toBe(false);
  });

  it('bedrock-converse needs messageStop then metadata (hand-made events: not live-verified here)', () => {
    const signal = terminalSignal('bedrock-converse');
    const stop = { messageStop: { stopReason: 'end_turn' } };
    const metadata = { metadata: { usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 } } };
    expect(signal.seenIn([{ messageStart: {} }, stop, metadata])).toBe(true);
    expect(signal.seenIn([{ messageStart: {} }, stop])).toBe(false);
    expect(signal.seenIn([{ messageStart: {} }, metadata, stop])).toBe(false);
  });

  it('gemini needs a candidate with finishReason, or a prompt blocked before any candidate (hand-made chunks: not live-verified here)', () => {
    const signal = terminalSignal('gemini');
    expect(signal.seenIn([{ candidates: [{ content: { parts: [{ text: 'x' }] } }] }, { candidates: [{ finishReason: 'STOP' }] }])).toBe(true);
    expect(signal.seenIn([{ promptFeedback: { blockReason: 'SAFETY' } }])).toBe(true);
    expect(signal.seenIn([{ candidates: [{ content: { parts: [{ text: 'x' }] } }] }])).toBe(false);
  });

  it('embedded needs the done event the adapter records once the library returned a stop reason', () => {
    const signal = terminalSignal('embedded');
    expect(signal.seenIn([{ type: 'text_delta', text: 'x' }, { type: 'done', finishReason: 'stop', rawFinishReason: 'eogToken' }])).toBe(true);
    expect(signal.seenIn([{ type: 'text_delta', text: 'x' }])).toBe(false);
  });
});
