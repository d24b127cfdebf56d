import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argvForResume, mergeResumeArgv, redactArgv, resolveRunDir, writeRunManifest } from './resume-run.ts';

describe('resume', () => {
  it('flags given again replace the stored ones; the rest are kept', () => {
    const stored = ['verify', '--provider', 'llama_cpp', '--test', 'basic_chat,usage_accounting', '--base-url', 'http://REDACTED@h/v1', '--timeout', '4000'];
    expect(mergeResumeArgv(['--resume', 'latest', '--base-url', 'http://u:p@h/v1'], stored)).toEqual([
      'verify', '--provider', 'llama_cpp', '--test', 'basic_chat,usage_accounting', '--timeout', '4000', '--resume', 'latest', '--base-url', 'http://u:p@h/v1',
    ]);
  });

  it('the manifest keeps no URL credentials or query values', () => {
    expect(redactArgv(['--base-url', 'http://user:PASS@127.0.0.1:8080/v1?api_key=SECRET&x=1', '--model', 'm'])).toEqual([
      '--base-url', 'http://REDACTED@127.0.0.1:8080/v1?api_key=REDACTED&x=REDACTED', '--model', 'm',
    ]);
  });

  it('--resume latest reads the run the symlink points at; an unknown run is a usage error naming the runs', () => {
    const reports = mkdtempSync(join(tmpdir(), 'resume-'));
    const runDir = join(reports, '2026-01-01T00-00-00-000');
    mkdirSync(runDir);
    writeFileSync(join(runDir, 'results.jsonl'), '');
    writeRunManifest(runDir, { runId: '2026-01-01T00-00-00-000', startedAt: '2026-01-01T00:00:00.000Z', argv: ['verify', '--provider', 'llama_cpp'] });
    symlinkSync('2026-01-01T00-00-00-000', join(reports, 'latest'));
    expect(resolveRunDir(reports, 'latest')).toMatch(/2026-01-01T00-00-00-000$/);
    expect(argvForResume(['--resume', 'latest', '--report-dir', reports, '--verbose'])).toEqual(['verify', '--provider', 'llama_cpp', '--report-dir', reports, '--verbose', '--resume', '2026-01-01T00-00-00-000']);
    expect(() => resolveRunDir(reports, 'nope')).toThrow(/--resume nope: no run with a journal .*runs there: 2026-01-01T00-00-00-000/);
  });
});
