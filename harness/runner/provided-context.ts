import type { Cell } from '../matrix/cell.ts';
import type { CellResult } from '../verdicts/verdict.ts';

/** What the runner hands to vitest workers (provide/inject) and gets back (task meta). */
declare module 'vitest' {
  export interface ProvidedContext {
    cells: Cell[];
    runId: string;
    /** File path of the suites module (its `SUITES` export) the CLI wired in. */
    suitesModule: string;
  }
  interface TaskMeta {
    cell?: CellResult;
  }
}

export {};
