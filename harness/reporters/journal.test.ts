import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CellResult } from '../verdicts/verdict.ts';
import { Journal, readJournal, repairJournal } from './journal.ts';

const cell = (test: string, verdict: CellResult['verdict']): CellResult => ({
  runId: 'r1',
  suite: 'core',
  test,
  provider: 'p',
  model: 'm',
  protocol: 'openai-chat',
  verdict,
  durationMs: 12,
  startedAt: '2026-01-01T00:00:00.000Z',
  assertion: 'protocol',
  tags: ['smoke'],
  details: { ttftMs: 3.5 },
});

const tempPath = () => join(mkdtempSync(join(tmpdir(), 'journal-')), 'nested', 'dir', 'results.jsonl');

describe('Journal', () => {
  it('creates the file (and its folders) empty', () => {
    const journal = new Journal(tempPath());
    expect(existsSync(journal.path)).toBe(true);
    expect(readFileSync(journal.path, 'utf8')).toBe('');
    expect(readJournal(journal.path)).toEqual([]);
  });

  it('appends one JSON line per result and reads them back in order', () => {
    const journal = new Journal(tempPath());
    const first = cell('a', 'pass');
    const second = cell('b', 'fail');
    journal.append(first);
    journal.append(second);
    expect(readFileSync(journal.path, 'utf8').split('\n')).toHaveLength(3);
    expect(readJournal(journal.path)).toEqual([first, second]);
  });

  it('keeps existing lines when reopened', () => {
    const path = tempPath();
    new Journal(path).append(cell('a', 'pass'));
    new Journal(path).append(cell('b', 'error'));
    expect(readJournal(path).map((result) => result.test)).toEqual(['a', 'b']);
  });

  it('ignores a torn last line', () => {
    const journal = new Journal(tempPath());
    journal.append(cell('a', 'pass'));
    journal.append(cell('b', 'skipped'));
    appendFileSync(journal.path, JSON.stringify(cell('c', 'pass')).slice(0, 40));
    expect(readJournal(journal.path).map((result) => result.test)).toEqual(['a', 'b']);
  });

  it('repairJournal cuts a torn last line so that the next append starts a line of its own (--resume after kill -9)', () => {
    const journal = new Journal(tempPath());
    journal.append(cell('a', 'pass'));
    const torn = JSON.stringify(cell('b', 'pass')).slice(0, 40);
    appendFileSync(journal.path, torn);
    expect(repairJournal(journal.path)).toBe(torn.length);
    journal.append(cell('c', 'fail'));
    const lines = readFileSync(journal.path, 'utf8').split('\n').filter((line) => line !== '');
    expect(lines.map((line) => (JSON.parse(line) as CellResult).test)).toEqual(['a', 'c']);
    // A whole journal is left as it is.
    expect(repairJournal(journal.path)).toBe(0);
    expect(readJournal(journal.path)).toHaveLength(2);
  });
});
