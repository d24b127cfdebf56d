import { describe, expect, it } from 'vitest';
import { CellScheduler, type LaneSpec } from './cell-scheduler.ts';

const lane = (target: string, endpoint = target, perEndpoint = 0, perTarget = 1): LaneSpec => ({ target, endpoint, perTarget, perEndpoint });
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs jobs and records the most in flight at once, overall and per key. */
function tracker() {
  let now = 0;
  let max = 0;
  const perKey = new Map<string, { now: number; max: number }>();
  const order: string[] = [];
  return {
    job: (key: string, name: string, ms = 20) => async () => {
      now += 1;
      max = Math.max(max, now);
      const entry = perKey.get(key) ?? { now: 0, max: 0 };
      entry.now += 1;
      entry.max = Math.max(entry.max, entry.now);
      perKey.set(key, entry);
      order.push(name);
      await tick(ms);
      entry.now -= 1;
      now -= 1;
      return name;
    },
    max: () => max,
    maxOf: (key: string) => perKey.get(key)?.max ?? 0,
    order,
  };
}

describe('CellScheduler', () => {
  it('runs targets in parallel up to the concurrency, each target in its own order', async () => {
    const scheduler = new CellScheduler(2);
    const t = tracker();
    // Registered out of order: the lane still runs 0, 1, 2.
    const jobs = [
      scheduler.schedule(lane('a'), 2, t.job('a', 'a2')),
      scheduler.schedule(lane('a'), 0, t.job('a', 'a0')),
      scheduler.schedule(lane('b'), 0, t.job('b', 'b0')),
      scheduler.schedule(lane('a'), 1, t.job('a', 'a1')),
      scheduler.schedule(lane('c'), 0, t.job('c', 'c0')),
      scheduler.schedule(lane('b'), 1, t.job('b', 'b1')),
    ];
    await Promise.all(jobs);
    expect(t.max()).toBe(2);
    expect(t.maxOf('a')).toBe(1);
    expect(t.order.filter((name) => name.startsWith('a'))).toEqual(['a0', 'a1', 'a2']);
  });

  it('never sends a single-slot endpoint more than one request, whatever the number of its targets', async () => {
    const scheduler = new CellScheduler(8);
    const t = tracker();
    await Promise.all(['chat', 'responses', 'messages'].flatMap((protocol) => [0, 1].map((order) => scheduler.schedule(lane(protocol, 'http://local', 1), order, t.job('server', `${protocol}${order}`)))));
    expect(t.maxOf('server')).toBe(1);
  });

  it('a provider that declares parallel capacity gets that many cells of one target at once', async () => {
    const scheduler = new CellScheduler(8);
    const t = tracker();
    await Promise.all([0, 1, 2, 3, 4, 5].map((order) => scheduler.schedule(lane('cloud', 'https://api', 0, 3), order, t.job('cloud', `c${order}`))));
    expect(t.maxOf('cloud')).toBe(3);
  });

  it('a failing cell does not stall its lane', async () => {
    const scheduler = new CellScheduler(1);
    const first = scheduler.schedule(lane('a'), 0, async () => {
      throw new Error('boom');
    });
    await expect(first).rejects.toThrow('boom');
    await expect(scheduler.schedule(lane('a'), 1, async () => 'next')).resolves.toBe('next');
  });
});
