import { describe, expect, it } from 'vitest';
import { BudgetLedger } from './budget.ts';

describe('BudgetLedger', () => {
  it('starts cells while spent + in flight + the next estimate fit, then refuses every later one', () => {
    const ledger = new BudgetLedger(1);
    const first = ledger.tryStart(0.4);
    const second = ledger.tryStart(0.4);
    expect('estimateUsd' in first && 'estimateUsd' in second).toBe(true);
    // 0.8 in flight: a third 0.4 would exceed 1 → refused, and the run stays stopped.
    const third = ledger.tryStart(0.4);
    expect('refused' in third && third.refused).toMatch(/^budget reached: spent \$0 \+ in flight \$0\.8000 \+ this cell ~\$0\.4000 would exceed --budget \$1\.0000/);
    if ('estimateUsd' in first) ledger.settle(first, 0.01);
    expect('refused' in ledger.tryStart(0.01)).toBe(true);
    expect(ledger.spentUsd).toBe(0.01);
  });

  it('counts the estimate when the actual cost is unknown, and refuses unpriced cells', () => {
    const ledger = new BudgetLedger(1);
    const ticket = ledger.tryStart(0.3);
    if ('estimateUsd' in ticket) ledger.settle(ticket, undefined);
    expect(ledger.spentUsd).toBe(0.3);
    const unpriced = ledger.tryStart(undefined);
    expect('refused' in unpriced && unpriced.refused).toMatch(/no declared price/);
    expect('estimateUsd' in ledger.tryStart(0.7)).toBe(true);
  });
});
