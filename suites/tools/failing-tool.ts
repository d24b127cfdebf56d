import { ToolError } from '../../harness/suite/tool-loop.ts';
import type { RegisteredTool } from '../../harness/suite/tool-loop.ts';

/** A tool that always fails, so tool_error_recovery does not depend on what the model asks for. */
export const stockPriceTool: RegisteredTool = {
  spec: {
    name: 'get_stock_price',
    description: 'Returns the latest price of a stock ticker symbol.',
    parameters: {
      type: 'object',
      properties: { symbol: { type: 'string', description: 'Ticker symbol, e.g. "ACME"' } },
      required: ['symbol'],
    },
  },
  execute: () => {
    throw new ToolError('the price service is unavailable (HTTP 503); try again later');
  },
};
