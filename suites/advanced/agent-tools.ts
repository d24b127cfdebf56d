import { ToolError, type RegisteredTool } from '../../harness/suite/tool-loop.ts';

/**
 * Deterministic tools for the agent-loop tests. Each factory makes fresh state per test run, so a
 * tool that "fails once" fails on the first call of that run only.
 */

/** The warehouse code lookup_warehouse returns, and the stock count check_stock returns for it. */
export const WAREHOUSE_CODE = 'WH-7302';
export const STOCK_COUNT = '4186';

/** Step 1 of agent_multi_step: gives the code step 2 needs. */
export const lookupWarehouseTool: RegisteredTool = {
  spec: {
    name: 'lookup_warehouse',
    description: 'Returns the warehouse code of a city. Use the code with check_stock.',
    parameters: { type: 'object', properties: { city: { type: 'string', description: 'City name, e.g. "Lyon"' } }, required: ['city'] },
  },
  execute: (args) => `The warehouse code of ${String((args as { city?: unknown }).city ?? 'that city')} is ${WAREHOUSE_CODE}.`,
};

/** Step 2: only the code from step 1 works (another code is a tool error the model sees). */
export const checkStockTool: RegisteredTool = {
  spec: {
    name: 'check_stock',
    description: 'Returns how many items are in stock in a warehouse, by warehouse code (from lookup_warehouse).',
    parameters: { type: 'object', properties: { code: { type: 'string', description: 'Warehouse code, e.g. "WH-1234"' } }, required: ['code'] },
  },
  execute: (args) => {
    const code = String((args as { code?: unknown }).code ?? '');
    if (!code.toUpperCase().includes(WAREHOUSE_CODE)) throw new ToolError(`unknown warehouse code ${JSON.stringify(code)}; get the code from lookup_warehouse`);
    return `Warehouse ${WAREHOUSE_CODE} has ${STOCK_COUNT} items in stock.`;
  },
};

/** agent_cycle_limit: never done, always asks to be polled again. */
export function pollJobTool(): RegisteredTool & { calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    spec: {
      name: 'poll_job',
      description: 'Returns the status of the export job. While it is running, call poll_job again.',
      parameters: { type: 'object', properties: { job_id: { type: 'string', description: 'Job id, e.g. "job-1"' } }, required: ['job_id'] },
    },
    execute: () => {
      calls += 1;
      return `status: running (poll ${calls}); the job is not finished yet: call poll_job again.`;
    },
  };
}

/** agent_timeout: never answers by itself; records whether the loop aborted it. */
export function slowExportTool(): RegisteredTool & { aborted: () => boolean; started: () => boolean } {
  let aborted = false;
  let started = false;
  return {
    aborted: () => aborted,
    started: () => started,
    spec: {
      name: 'export_report',
      description: 'Exports the yearly report. Takes a long time.',
      parameters: { type: 'object', properties: { year: { type: 'integer', description: 'Year, e.g. 2024' } }, required: ['year'] },
    },
    execute: (_args, run) =>
      new Promise<string>((_, reject) => {
        started = true;
        const stop = () => {
          aborted = true;
          reject(new ToolError('export cancelled'));
        };
        if (run?.signal.aborted) stop();
        else run?.signal.addEventListener('abort', stop, { once: true });
      }),
  };
}

export const EXCHANGE_RATE = '1.0842';

/** agent_tool_error_recovery: the first call fails (a transient error), later calls answer. */
export function flakyRateTool(): RegisteredTool & { calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    spec: {
      name: 'get_exchange_rate',
      description: 'Returns the exchange rate between two currencies. The service sometimes fails: then call it again.',
      parameters: {
        type: 'object',
        properties: { from: { type: 'string', description: 'Currency code, e.g. "EUR"' }, to: { type: 'string', description: 'Currency code, e.g. "USD"' } },
        required: ['from', 'to'],
      },
    },
    execute: () => {
      calls += 1;
      if (calls === 1) throw new ToolError('the rate service timed out (HTTP 504); call get_exchange_rate again');
      return `1 EUR = ${EXCHANGE_RATE} USD`;
    },
  };
}
