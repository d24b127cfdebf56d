import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../contract/stream.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { classifyOutcome } from '../../verdicts/classify.ts';
import { listingClient, type ListingClientCalls } from './listing-client.ts';
import { createTranscript } from './transcript.ts';

/** The SDK mapper: records what it was asked to map, and maps everything to a network error. */
function client(overrides: Partial<ListingClientCalls<string, string, string, string>> = {}) {
  const mapped: unknown[] = [];
  const calls: ListingClientCalls<string, string, string, string> = {
    protocol: 'openai-chat',
    transcript: createTranscript(),
    fail: (error, where) => {
      mapped.push(error);
      return new VerifyError({ kind: 'network', layer: 'transport', message: `${where}: mapped` });
    },
    chat: { where: 'POST /x', toParams: () => 'params', call: async () => 'response', fromResponse: (response) => ({ text: response, toolCalls: [], finishReason: 'stop' }) },
    stream: {
      where: 'POST /x',
      toParams: () => 'params',
      open: async () => (async function* () { yield 'raw'; })(),
      normalize: async function* (raw: AsyncIterable<string>): AsyncGenerator<StreamEvent> {
        for await (const text of raw) yield { type: 'text_delta', at: 0, text };
      },
    },
    listModels: { where: 'GET /models', call: async () => [] },
    ...overrides,
  };
  return { client: listingClient(calls), mapped };
}

describe('listingClient: mapping runs outside the SDK call (hand-made calls, no SDK)', () => {
  it('a TypeError in response mapping is a harness error, never passed to the SDK mapper', async () => {
    const { client: sdk, mapped } = client({
      chat: { where: 'POST /x', toParams: () => 'params', call: async () => 'response', fromResponse: () => (undefined as unknown as { text: string }).text as never },
    });
    const error = await sdk.chat({ model: 'm', messages: [] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'harness_bug', layer: 'harness', message: expect.stringMatching(/^openai-chat response mapping: harness bug: TypeError/) });
    expect(mapped).toEqual([]);
    expect(classifyOutcome(error).verdict).toBe('error');
  });

  it('a TypeError in request mapping is a harness error and nothing is sent', async () => {
    let sent = 0;
    const { client: sdk, mapped } = client({
      chat: {
        where: 'POST /x',
        toParams: () => {
          throw new TypeError('boom');
        },
        call: async () => {
          sent += 1;
          return 'response';
        },
        fromResponse: () => ({ text: '', toolCalls: [] }),
      },
    });
    await expect(sdk.chat({ model: 'm', messages: [] })).rejects.toMatchObject({ kind: 'harness_bug', layer: 'harness' });
    expect(sent).toBe(0);
    expect(mapped).toEqual([]);
  });

  it('a protocol VerifyError the response mapper throws on purpose passes through unchanged', async () => {
    const violation = new VerifyError({ kind: 'unknown', layer: 'protocol', message: 'no choices' });
    const { client: sdk } = client({
      chat: { where: 'POST /x', toParams: () => 'p', call: async () => 'r', fromResponse: () => { throw violation; } },
    });
    await expect(sdk.chat({ model: 'm', messages: [] })).rejects.toBe(violation);
  });

  it('only what the SDK call throws goes through the SDK mapper', async () => {
    const thrown = new Error('socket hang up');
    const { client: sdk, mapped } = client({
      chat: { where: 'POST /x', toParams: () => 'p', call: async () => { throw thrown; }, fromResponse: () => ({ text: '', toolCalls: [] }) },
    });
    await expect(sdk.chat({ model: 'm', messages: [] })).rejects.toMatchObject({ kind: 'network', message: 'POST /x: mapped' });
    expect(mapped).toEqual([thrown]);
  });

  it('a TypeError in stream normalization is a harness error; the raw event was recorded first', async () => {
    const { client: sdk, mapped } = client({
      stream: {
        where: 'POST /x',
        toParams: () => 'p',
        open: async () => (async function* () { yield 'raw'; })(),
        normalize: async function* (raw: AsyncIterable<string>): AsyncGenerator<StreamEvent> {
          for await (const text of raw) yield { type: 'text_delta', at: 0, text: (null as unknown as string[])[0] + text };
        },
      },
    });
    const events: StreamEvent[] = [];
    const error = await (async () => {
      for await (const event of sdk.stream({ model: 'm', messages: [] })) events.push(event);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'harness_bug', layer: 'harness' });
    expect(mapped).toEqual([]);
    expect(sdk.transcript.entries.filter((entry) => entry.kind === 'stream_event')).toHaveLength(1);
  });
});
