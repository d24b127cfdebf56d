import { describe, expect, it } from 'vitest';
import type { Cell } from '../matrix/cell.ts';
import { costOfUsage, DEFAULT_ESTIMATE, estimateCost, formatUsd } from './cell-cost.ts';
import { estimateCells, estimateLine } from './estimate.ts';
import { priceOf } from './price-of.ts';

const cloud = { id: 'c', kind: 'cloud' as const, prices: { source: 'https://example.test/pricing', checked: '2025-10-01', models: { 'm-1': { input: 2, output: 10, cachedInput: 0.5 }, 'fam-*': { input: 1, output: 1 } } } };

describe('priceOf', () => {
  it('takes an override first, local servers free, then the declared list (exact or glob), else unknown', () => {
    expect(priceOf(cloud, 'm-1')).toEqual({ price: { input: 2, output: 10, cachedInput: 0.5 }, source: 'declared' });
    expect(priceOf(cloud, 'fam-x').source).toBe('declared');
    expect(priceOf(cloud, 'other')).toEqual({ source: 'unknown' });
    expect(priceOf({ id: 'l', kind: 'local' }, 'any')).toEqual({ price: { input: 0, output: 0, cachedInput: 0 }, source: 'local' });
    expect(priceOf({ id: 'l', kind: 'local' }, 'any', { 'l/any': { input: 1, output: 2 } })).toEqual({ price: { input: 1, output: 2 }, source: 'override' });
  });
});

describe('cell cost', () => {
  it('prices uncached input, cached input and output at their rates', () => {
    // 1000 input of which 400 cached, 500 output: (600×2 + 400×0.5 + 500×10) / 1e6
    expect(costOfUsage({ input: 1000, cachedInput: 400, output: 500 }, { input: 2, output: 10, cachedInput: 0.5 })).toBe(0.0064);
    expect(costOfUsage({ output: 10 }, { input: 2, output: 10 })).toBe(0.0001);
  });

  it('estimates requests × (prompt + full output limit)', () => {
    expect(estimateCost({ requests: 2, inputTokens: 100, outputTokens: 50 }, { input: 10, output: 20 })).toBe(0.004);
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(0.004)).toBe('$0.00400');
    expect(formatUsd(1.5)).toBe('$1.5000');
  });

  it('sums the runnable cells per target and names targets without a price', () => {
    const cell = (model: string, action: 'run' | 'skipped', price?: { input: number; output: number }) =>
      ({ provider: 'c', model, protocol: 'openai-chat', gate: action === 'run' ? { action } : { action, reason: 'x' }, estimate: DEFAULT_ESTIMATE, target: { price: price ? { price, source: 'declared' } : { source: 'unknown' } } }) as unknown as Cell;
    const estimate = estimateCells([cell('a', 'run', { input: 1, output: 1 }), cell('a', 'run', { input: 1, output: 1 }), cell('b', 'run'), cell('a', 'skipped', { input: 1, output: 1 })]);
    expect(estimate.usd).toBe(0.000656);
    expect([...estimate.byTarget]).toEqual([['c/a/openai-chat', 0.000656]]);
    expect(estimateLine(estimate, 1)).toBe('estimated cost of 3 cell(s) to run: at most $0.000656 (--budget $1.0000); no declared price, not counted: c/b/openai-chat');
  });
});
