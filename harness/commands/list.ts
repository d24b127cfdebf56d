import { loadEnvironment } from '../config/env.ts';
import { filtersFromArgs, type FilterArgs } from '../config/run-args.ts';
import { formatUsd } from '../cost/cell-cost.ts';
import { estimateCells, estimateLine } from '../cost/estimate.ts';
import { readPriceOverrides } from '../cost/price-file.ts';
import { planRun } from '../matrix/plan-run.ts';
import { describeCapabilities } from './shared-setup.ts';
import type { Wiring } from './wiring.ts';

export interface ListArgs extends FilterArgs {
  baseUrl?: string;
  json?: boolean;
  /** Print the estimated cost of the cells that would run (per target and in total). */
  estimate?: boolean;
  prices?: string;
}

/**
 * `list`: the cells a filter selects and what would happen to each (run, unsupported, skipped),
 * with declared capabilities. Runs nothing and contacts no endpoint.
 */
export async function runList(args: ListArgs, wiring: Wiring): Promise<number> {
  const { providers } = wiring;
  const env = loadEnvironment();
  const filters = filtersFromArgs(args);
  const plan = await planRun({
    providers,
    suites: wiring.suites.suites,
    filters,
    timeoutMs: 0,
    env,
    baseUrlFlag: args.baseUrl,
    launched: {},
    embeddedModel: { path: '(resolved at run time)' },
    prices: args.prices ? readPriceOverrides(args.prices) : undefined,
  });
  if (args.json) {
    process.stdout.write(`${JSON.stringify(plan.cells.map(({ target: _target, ...cell }) => cell), null, 2)}\n`);
    return 0;
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  for (const provider of providers.filter((entry) => plan.endpoints.has(entry.id))) {
    const endpoint = plan.endpoints.get(provider.id);
    const live = provider.liveVerifiedHere === true ? 'live-verified here' : `not live-verified here: ${provider.liveVerifiedHere}`;
    out(`${provider.id} — ${provider.displayName} [${provider.protocols.map((entry) => entry.protocol).join(', ')}] (${live})`);
    out(`  endpoint: ${endpoint?.rootUrl ?? '(none)'} (${endpoint?.source ?? 'none'})${endpoint?.gate.action === 'skipped' ? ` — skipped: ${endpoint.gate.reason}` : ''}`);
    const models = plan.models.get(provider.id) ?? [];
    if (models.length === 0) out('  models: none pinned; discovered from the server at run time, or name one with --model');
    for (const model of models) out(`  model ${model.id} — ${model.displayName}: ${describeCapabilities(model.capabilities)}`);
  }
  out('');
  for (const cell of plan.cells) {
    const providerGate = plan.endpoints.get(cell.provider)?.gate;
    const sameAsProvider = providerGate?.action !== 'run' && cell.gate.action !== 'run' && providerGate?.reason === cell.gate.reason;
    const gate = cell.gate.action === 'run' ? 'run' : sameAsProvider ? `${cell.gate.action} (see ${cell.provider} above)` : `${cell.gate.action}: ${cell.gate.reason}`;
    out(`${cell.id}  [${cell.tags.join(',')}] ${gate}`);
  }
  const runnable = plan.cells.filter((cell) => cell.gate.action === 'run').length;
  out(`\n${plan.cells.length} cells selected: ${runnable} would run, ${plan.cells.length - runnable} decided without running`);
  if (args.estimate) {
    const estimate = estimateCells(plan.cells);
    for (const [target, usd] of estimate.byTarget) out(`  ${target}: at most ${formatUsd(usd)}`);
    out(estimateLine(estimate));
  }
  return 0;
}
