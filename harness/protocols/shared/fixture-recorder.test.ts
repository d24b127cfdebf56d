import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { ProtocolClient } from '../../contract/protocol-client.ts';
import { createFixtureRecorder, fixtureRequests, parseRecordArgs } from './fixture-recorder.ts';
import { createTranscript } from './transcript.ts';

/** A stand-in client that only writes transcript entries (the recorder reads nothing else). */
function fakeClient(): ProtocolClient {
  const transcript = createTranscript();
  return {
    protocol: 'openai-chat',
    transcript,
    async chat() {
      transcript.record({ kind: 'response', at: 0, status: 200, url: 'u', headers: {}, body: { id: 'r1' } });
      return { text: 'x', toolCalls: [], finishReason: 'stop', rawFinishReason: 'stop' };
    },
    async *stream() {
      transcript.record({ kind: 'stream_event', at: 0, event: { n: 1 } });
      transcript.record({ kind: 'stream_event', at: 0, event: { n: 2 } });
    },
    listModels: async () => [],
    health: async () => ({ ok: true }),
    close: async () => {},
  };
}

describe('fixture recorder', () => {
  it('parses <baseUrl> [model] [names...] and refuses a missing base URL', () => {
    expect(parseRecordArgs(['http://h:1'])).toEqual({ baseUrl: 'http://h:1', model: 'smollm2-135m-instruct', only: [] });
    expect(parseRecordArgs(['http://h:1', 'm', 'a', 'b'])).toEqual({ baseUrl: 'http://h:1', model: 'm', only: ['a', 'b'] });
    expect(() => parseRecordArgs([])).toThrow(/usage/);
  });

  it('builds the text and tool requests for the given model', () => {
    const { text, tool } = fixtureRequests('m');
    expect(text).toMatchObject({ model: 'm', maxTokens: 40 });
    expect(tool).toMatchObject({ model: 'm', toolChoice: 'required', tools: [{ name: 'calculator' }] });
  });

  it('saves raw stream events and the response body, only the wanted names', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const dir = mkdtempSync(join(tmpdir(), 'fixture-recorder-'));
    const { recordStream, recordChat } = createFixtureRecorder(fakeClient(), pathToFileURL(`${dir}/`), ['s', 'c']);
    const request = fixtureRequests('m').text;
    await recordStream('s', request);
    await recordChat('c', request);
    await recordChat('skipped', request);
    expect(readdirSync(dir).sort()).toEqual(['c.json', 's.json']);
    expect(JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'))).toEqual([{ n: 1 }, { n: 2 }]);
    expect(JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8'))).toEqual({ id: 'r1' });
  });
});
