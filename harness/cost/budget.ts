import { formatUsd, roundUsd } from './cell-cost.ts';

/** A cell the ledger let start: what it was expected to cost. */
export interface BudgetTicket {
  estimateUsd: number;
}

/**
 * `--budget <USD>`: a cell starts only while spent + in flight + its own estimate stays within the
 * budget; once one is refused, every later cell is refused too (the run stops starting cells, it
 * does not pick cheaper ones). A finished cell moves from in flight to spent at its recorded cost
 * (its estimate when the wire reported no usage).
 */
export class BudgetLedger {
  readonly limitUsd: number;
  #spent = 0;
  #inFlight = 0;
  #reached?: string;

  constructor(limitUsd: number) {
    this.limitUsd = limitUsd;
  }

  get spentUsd(): number {
    return roundUsd(this.#spent);
  }

  /** A ticket, or the reason the cell must not start ("budget reached: …"). */
  tryStart(estimateUsd: number | undefined): BudgetTicket | { refused: string } {
    if (this.#reached) return { refused: this.#reached };
    if (estimateUsd === undefined) {
      return { refused: 'no declared price for this model: --budget cannot account for it (declare it in the provider folder, or pass --prices)' };
    }
    if (this.#spent + this.#inFlight + estimateUsd > this.limitUsd + 1e-12) {
      this.#reached = `budget reached: spent ${formatUsd(this.#spent)} + in flight ${formatUsd(this.#inFlight)} + this cell ~${formatUsd(estimateUsd)} would exceed --budget ${formatUsd(this.limitUsd)}`;
      return { refused: this.#reached };
    }
    this.#inFlight += estimateUsd;
    return { estimateUsd };
  }

  /** The cell finished: its actual cost (or, unknown, its estimate) is spent. */
  settle(ticket: BudgetTicket, costUsd: number | undefined): void {
    this.#inFlight -= ticket.estimateUsd;
    this.#spent += costUsd ?? ticket.estimateUsd;
  }
}
