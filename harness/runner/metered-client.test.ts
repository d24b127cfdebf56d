import { describe, expect, it } from 'vitest';
import { createFakeProtocolClient } from '../testing/fake-protocol-client.ts';
import { emptyTotals, meterClient } from './metered-client.ts';

describe('meterClient', () => {
  it('sums chat usage and the last usage of each stream (field by field), and counts calls without usage', async () => {
    const fake = createFakeProtocolClient([
      { response: { text: 'a', toolCalls: [], usage: { input: 10, output: 2, cachedInput: 4 } } },
      { events: [{ type: 'usage', usage: { input: 7 } }, { type: 'text_delta', text: 'x' }, { type: 'usage', usage: { output: 3 } }, { type: 'done', finishReason: 'stop' }] },
      { response: { text: 'b', toolCalls: [] } },
    ]);
    const totals = emptyTotals();
    const client = meterClient(fake, totals);
    await client.chat({ model: 'm', messages: [] });
    for await (const _event of client.stream({ model: 'm', messages: [] })) {
      // consume
    }
    await client.chat({ model: 'm', messages: [] });
    expect(totals).toEqual({ calls: 3, callsWithoutUsage: 1, input: 17, output: 5, cachedInput: 4 });
    expect(client.transcript).toBe(fake.transcript);
  });
});

describe('poolFor', () => {
  it('runs network-only cells in a worker thread, embedded cells in a forked process', async () => {
    const { poolFor } = await import('./run-vitest.ts');
    expect(poolFor([{ protocol: 'openai-chat' }, { protocol: 'anthropic-messages' }])).toBe('threads');
    expect(poolFor([{ protocol: 'openai-chat' }, { protocol: 'embedded' }])).toBe('forks');
  });
});
