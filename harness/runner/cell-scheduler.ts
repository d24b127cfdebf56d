import pLimit, { type LimitFunction } from 'p-limit';

/** Where a cell runs: its target's lane and the endpoint (server) the target talks to. */
export interface LaneSpec {
  /** The target (provider/model/protocol). */
  target: string;
  /** The server the target talks to (its root URL, or the provider id when it has none). */
  endpoint: string;
  /** Cells of this target in flight at once; 1 = in order, one after the other. */
  perTarget: number;
  /** Requests in flight at the endpoint at once, over all its targets; 0 = no limit of its own. */
  perEndpoint: number;
}

/** A lane that runs its cells strictly in their registration order, one at a time. */
class OrderedLane {
  private next = 0;
  private readonly waiting = new Map<number, () => void>();

  async run<T>(order: number, body: () => Promise<T>): Promise<T> {
    if (order !== this.next) await new Promise<void>((resolve) => this.waiting.set(order, resolve));
    try {
      return await body();
    } finally {
      this.next += 1;
      const wake = this.waiting.get(this.next);
      this.waiting.delete(this.next);
      wake?.();
    }
  }
}

/**
 * Decides when each cell may run: at most `concurrency` cells at once over the whole run (so about
 * that many targets in parallel), a target's cells in their order (unless its provider declares it
 * takes parallel requests), and never more requests at one endpoint than it has slots (a local
 * single-slot server gets one at a time, whatever the number of its targets).
 */
export class CellScheduler {
  private readonly global: LimitFunction;
  private readonly ordered = new Map<string, OrderedLane>();
  private readonly parallel = new Map<string, LimitFunction>();
  private readonly endpoints = new Map<string, LimitFunction>();

  constructor(concurrency: number) {
    this.global = pLimit(Math.max(1, concurrency));
  }

  /** Runs `body` when the cell's turn comes; `order` counts the target's cells from 0, without gaps. */
  schedule<T>(lane: LaneSpec, order: number, body: () => Promise<T>): Promise<T> {
    const atEndpoint = () => {
      if (lane.perEndpoint <= 0) return this.global(body);
      let limit = this.endpoints.get(lane.endpoint);
      if (!limit) {
        limit = pLimit(lane.perEndpoint);
        this.endpoints.set(lane.endpoint, limit);
      }
      return limit(() => this.global(body));
    };
    if (lane.perTarget > 1) {
      let limit = this.parallel.get(lane.target);
      if (!limit) {
        limit = pLimit(lane.perTarget);
        this.parallel.set(lane.target, limit);
      }
      return limit(atEndpoint);
    }
    let ordered = this.ordered.get(lane.target);
    if (!ordered) {
      ordered = new OrderedLane();
      this.ordered.set(lane.target, ordered);
    }
    return ordered.run(order, atEndpoint);
  }
}
