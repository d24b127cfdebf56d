import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from './suggest.ts';

describe('editDistance', () => {
  it('computes Levenshtein distances', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('ab', 'ba')).toBe(2);
  });
});

describe('closestMatch', () => {
  const suites = ['core', 'tools', 'streaming'];

  it('suggests the nearest name, case-insensitively, keeping the known spelling', () => {
    expect(closestMatch('stremaing', suites)).toBe('streaming');
    expect(closestMatch('CORE', suites)).toBe('core');
    expect(closestMatch('tool', suites)).toBe('tools');
  });

  it('allows max(2, floor(length/3)) edits of the best name', () => {
    // "streaming" has 9 letters: up to 3 edits.
    expect(closestMatch('strxxming', ['streaming'])).toBe('streaming');
    expect(closestMatch('sxxxxming', ['streaming'])).toBeUndefined();
    // Short names still allow 2 edits, not 3.
    expect(closestMatch('cxxe', ['core'])).toBe('core');
    expect(closestMatch('xyz', ['ab'])).toBeUndefined();
  });

  it('returns undefined with nothing known, and keeps the first of equally close names', () => {
    expect(closestMatch('core', [])).toBeUndefined();
    expect(closestMatch('cat', ['bat', 'hat'])).toBe('bat');
  });
});
