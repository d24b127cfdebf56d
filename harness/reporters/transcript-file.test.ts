import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../config/redactor.ts';
import { transcriptFile, wantsTranscript, writeTranscript, type TranscriptFile } from './transcript-file.ts';

describe('transcript files', () => {
  it('are written for failing and erroring cells by default, every cell with all, none with none', () => {
    expect(['pass', 'fail', 'error', 'skipped'].map((verdict) => wantsTranscript('failing', verdict as 'pass'))).toEqual([false, true, true, false]);
    expect(wantsTranscript('all', 'pass')).toBe(true);
    expect(wantsTranscript('none', 'error')).toBe(false);
  });

  it('have a safe file name per cell id', () => {
    expect(transcriptFile({ provider: 'ollama', model: 'qwen3:0.6b', protocol: 'openai-chat', suite: 'core', test: 'basic_chat' })).toBe('transcripts/ollama_qwen3_0.6b_openai-chat_core.basic_chat.json');
  });

  it('hold the entries with times relative to the cell start, every secret form removed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'transcript-'));
    const secret = 'sk-transcript-secret-42';
    const relative = writeTranscript(
      dir,
      { provider: 'p', model: 'm', protocol: 'openai-chat', suite: 'core', test: 'x' },
      { verdict: 'fail', layer: 'protocol', message: `bad key ${secret}` },
      [
        { kind: 'request', at: 1000, method: 'POST', url: 'http://u:pw@h/v1/chat?api_key=k1', headers: { authorization: '[redacted]' }, body: { note: Buffer.from(secret).toString('base64') } },
        { kind: 'stream_event', at: 1012.34, event: { delta: encodeURIComponent(secret) } },
      ],
      1000,
      createRedactor([secret]),
    );
    const text = readFileSync(join(dir, relative), 'utf8');
    expect(relative).toBe('transcripts/p_m_openai-chat_core.x.json');
    expect(text).not.toMatch(/sk-transcript|pw@|k1/);
    const file = JSON.parse(text) as TranscriptFile;
    expect(file.entries.map((entry) => entry.at)).toEqual([0, 12.3]);
    expect(file.entries[1]).toEqual({ kind: 'stream_event', at: 12.3, event: { delta: '[redacted]' } });
  });
});
