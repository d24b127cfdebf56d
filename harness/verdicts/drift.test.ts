import { describe, expect, it } from 'vitest';
import { fakeTargetPlan } from '../testing/fake-target.ts';
import { driftOf } from './drift.ts';

const probed = (declaredUnsupported: Array<'tools' | 'streaming'>, capabilities = {}) => ({
  requires: ['tools' as const],
  probe: { declaredUnsupported },
  target: fakeTargetPlan(capabilities),
});

describe('driftOf (--probe)', () => {
  it('declared unsupported but passes: drift; still failing: none', () => {
    expect(driftOf(probed(['tools'], { tools: false }), { verdict: 'pass' })).toEqual({ direction: 'declared-unsupported-but-works', capabilities: ['tools'] });
    expect(driftOf(probed(['tools'], { tools: false }), { verdict: 'fail', layer: 'protocol' })).toBeUndefined();
  });

  it('a pass counts only for the capabilities it can show (passShows): a pass by absence shows none', () => {
    const cell = { ...probed(['tools'], { tools: false }), requires: ['tools' as const, 'tool_choice' as const], probe: { declaredUnsupported: ['tool_choice' as const] } };
    expect(driftOf(cell, { verdict: 'pass' }, [])).toBeUndefined();
    expect(driftOf(cell, { verdict: 'pass' }, ['tools'])).toBeUndefined();
    expect(driftOf(cell, { verdict: 'pass' }, ['tools', 'tool_choice'])).toEqual({ direction: 'declared-unsupported-but-works', capabilities: ['tool_choice'] });
  });

  it('declared supported but fails at the wire or is unsupported at run time: drift', () => {
    expect(driftOf(probed([], { tools: true }), { verdict: 'fail', layer: 'protocol' })).toEqual({ direction: 'declared-supported-but-fails', capabilities: ['tools'] });
    expect(driftOf(probed([], { tools: true }), { verdict: 'fail', layer: 'parser' })).toMatchObject({ direction: 'declared-supported-but-fails' });
    expect(driftOf(probed([], { tools: true }), { verdict: 'unsupported' })).toMatchObject({ direction: 'declared-supported-but-fails' });
  });

  it('a weak answer (model), a network or server problem, or an undeclared capability is no drift', () => {
    for (const layer of ['model', 'transport', 'infra'] as const) expect(driftOf(probed([], { tools: true }), { verdict: 'fail', layer })).toBeUndefined();
    expect(driftOf(probed([], { tools: true }), { verdict: 'error', layer: 'infra' })).toBeUndefined();
    expect(driftOf(probed([], {}), { verdict: 'fail', layer: 'protocol' })).toBeUndefined();
    // prompt_caching undeclared, chat and usage declared: the failure is not pinned on chat or usage.
    const caching = { requires: ['chat' as const, 'usage' as const, 'prompt_caching' as const], probe: { declaredUnsupported: [] }, target: fakeTargetPlan({ chat: true, usage: true }) };
    expect(driftOf(caching, { verdict: 'fail', layer: 'protocol' })).toBeUndefined();
    expect(driftOf({ ...caching, target: fakeTargetPlan({ chat: true, usage: true, prompt_caching: true }) }, { verdict: 'fail', layer: 'protocol' })).toMatchObject({ capabilities: ['chat', 'usage', 'prompt_caching'] });
  });

  it('without --probe nothing is compared', () => {
    expect(driftOf({ requires: ['tools'], target: fakeTargetPlan({ tools: true }) }, { verdict: 'fail', layer: 'protocol' })).toBeUndefined();
  });
});
