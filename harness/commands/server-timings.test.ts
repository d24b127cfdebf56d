import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../contract/transcript.ts';
import { serverTimings } from './server-timings.ts';

describe('serverTimings', () => {
  it('reads llama-server\'s timings from the last stream chunk that carries them', () => {
    const entries: TranscriptEntry[] = [
      { kind: 'request', at: 0, method: 'POST', url: 'u', headers: {}, body: { timings: { prompt_ms: 999 } } },
      { kind: 'stream_event', at: 1, event: { choices: [] } },
      { kind: 'stream_event', at: 2, event: { choices: [], timings: { prompt_n: 12, prompt_ms: 10.5, predicted_n: 30, predicted_ms: 300, predicted_per_second: 100 } } },
    ];
    expect(serverTimings(entries)).toEqual({ promptTokens: 12, promptMs: 10.5, predictedTokens: 30, predictedMs: 300, predictedPerSecond: 100 });
  });

  it('reads them from a response body, and is undefined when no server sent any', () => {
    expect(serverTimings([{ kind: 'response', at: 0, status: 200, url: 'u', headers: {}, body: { timings: { predicted_n: 3 } } }])).toEqual({ predictedTokens: 3 });
    expect(serverTimings([{ kind: 'response', at: 0, status: 200, url: 'u', headers: {}, body: { id: 'x' } }])).toBeUndefined();
  });
});
