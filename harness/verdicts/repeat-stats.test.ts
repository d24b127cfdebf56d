import { describe, expect, it } from 'vitest';
import { describeRepeat, passHatK, repeatStats, wilsonInterval } from './repeat-stats.ts';

describe('repeat statistics', () => {
  it('gives the 95% Wilson interval (reference values)', () => {
    // Wilson 1927 / Newcombe 1998: 0/10 → [0, 0.2775], 10/10 → [0.7225, 1], 5/10 → [0.2366, 0.7634].
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: 0.2775 });
    expect(wilsonInterval(10, 10)).toEqual({ low: 0.7225, high: 1 });
    expect(wilsonInterval(5, 10)).toEqual({ low: 0.2366, high: 0.7634 });
    expect(wilsonInterval(2, 3)).toEqual({ low: 0.2077, high: 0.9385 });
  });

  it('estimates pass^k without bias: C(c,k)/C(n,k)', () => {
    expect(passHatK(2, 3, 1)).toBe(0.6667);
    expect(passHatK(2, 3, 2)).toBe(0.3333);
    expect(passHatK(2, 3, 3)).toBe(0);
    expect(passHatK(5, 5, 5)).toBe(1);
    expect(passHatK(3, 5, 2)).toBe(0.3);
    expect(() => passHatK(1, 2, 3)).toThrow(RangeError);
  });

  it('bundles the counts, rate, pass^k for k = 1..N and the interval', () => {
    expect(repeatStats(2, 3)).toEqual({ runs: 3, passes: 2, passRate: 0.6667, passHatK: [0.6667, 0.3333, 0], wilson95: { low: 0.2077, high: 0.9385 } });
    expect(describeRepeat(repeatStats(2, 3))).toBe('2/3 pass (67%, 95% CI 21%–94%)');
  });
});
