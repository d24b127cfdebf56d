import { describe, expect, it } from 'vitest';
import { checkNames, isGlob, matchesName, selected, splitList } from './filters.ts';
import { UsageError } from './usage-error.ts';

describe('splitList', () => {
  it('splits repeatable, comma-separated values and trims', () => {
    expect(splitList(['a,b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(splitList([' a , ,b ', ''])).toEqual(['a', 'b']);
  });

  it('accepts a single string, numbers and undefined', () => {
    expect(splitList('x,y')).toEqual(['x', 'y']);
    expect(splitList([1, '2,3'])).toEqual(['1', '2', '3']);
    expect(splitList(undefined)).toEqual([]);
    expect(splitList([])).toEqual([]);
  });
});

describe('matchesName / selected', () => {
  it('recognizes glob characters', () => {
    expect(isGlob('core.*')).toBe(true);
    expect(isGlob('tool_call?')).toBe(true);
    expect(isGlob('{a,b}')).toBe(true);
    expect(isGlob('core.basic_chat')).toBe(false);
  });

  it('matches exact names exactly and globs as globs', () => {
    expect(matchesName('core.basic_chat', 'core.basic_chat')).toBe(true);
    expect(matchesName('core.basic_chat', 'core.basic')).toBe(false);
    expect(matchesName('core.basic_chat', 'core.*')).toBe(true);
    expect(matchesName('tools.single_call', 'core.*')).toBe(false);
    expect(matchesName('stream_usage', 'stream_????')).toBe(false);
    expect(matchesName('stream_usage', 'stream_?????')).toBe(true);
  });

  it('selects everything with an empty filter, else any matching entry', () => {
    expect(selected('anything', [])).toBe(true);
    expect(selected('openai', ['anthropic', 'open*'])).toBe(true);
    expect(selected('ollama', ['anthropic', 'open*'])).toBe(false);
  });
});

describe('checkNames', () => {
  const known = ['llama_cpp', 'ollama', 'openai'];

  it('accepts known exact names and globs that match something', () => {
    expect(() => checkNames('provider', ['ollama', 'open*'], known)).not.toThrow();
    expect(() => checkNames('provider', [], known)).not.toThrow();
  });

  it('throws a UsageError with a suggestion for a near miss', () => {
    let thrown: unknown;
    try {
      checkNames('provider', ['olama'], known);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toBe('unknown provider "olama". Did you mean "ollama"? Valid providers: llama_cpp, ollama, openai.');
  });

  it('throws without a suggestion when nothing is close, and for a glob matching nothing', () => {
    expect(() => checkNames('provider', ['bedrock'], known)).toThrow(/^unknown provider "bedrock"\. Valid providers: llama_cpp, ollama, openai\.$/);
    expect(() => checkNames('provider', ['gem*'], known)).toThrow(UsageError);
    expect(() => checkNames('tag', ['x'], [])).toThrow('Valid tags: (none).');
  });
});
