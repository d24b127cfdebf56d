import type { ProtocolId } from '../contract/protocol-client.ts';
import type { ModelSpec, ProviderDefinition } from '../contract/provider.ts';
import type { SuiteDefinition } from '../suite/define.ts';
import { cellId, type Cell } from './cell.ts';
import type { ProviderEndpoint } from './endpoint-plan.ts';
import { selected, type CellFilters } from './filters.ts';
import { capabilityGate, declaredMissing } from './gating.ts';
import { planTarget } from './target-plan.ts';
import { DEFAULT_ESTIMATE } from '../cost/cell-cost.ts';
import { priceOf, type PriceOverrides } from '../cost/price-of.ts';

export interface MatrixInputs {
  providers: readonly ProviderDefinition[];
  suites: readonly SuiteDefinition[];
  filters: CellFilters;
  /** Models per provider id (pinned, discovered, or named with --model). */
  models: ReadonlyMap<string, readonly ModelSpec[]>;
  endpoints: ReadonlyMap<string, ProviderEndpoint>;
  timeoutMs: number;
  /** `--probe`: cells the model declares unsupported run anyway, marked for drift reporting. */
  probe?: boolean;
  /** `--prices`: prices that override the providers' declared ones. */
  prices?: PriceOverrides;
}

function protocolsOf(provider: ProviderDefinition, model: ModelSpec): ProtocolId[] {
  const all = provider.protocols.map((entry) => entry.protocol);
  return model.protocols ? all.filter((protocol) => model.protocols?.includes(protocol)) : all;
}

/** Cells = provider × model × protocol × test, filtered, each with its gate decided. */
export function buildCells(inputs: MatrixInputs): Cell[] {
  const { filters } = inputs;
  const cells: Cell[] = [];
  for (const provider of inputs.providers) {
    if (!selected(provider.id, filters.providers)) continue;
    const endpoint = inputs.endpoints.get(provider.id);
    if (!endpoint) continue;
    for (const model of inputs.models.get(provider.id) ?? []) {
      if (!selected(model.id, filters.models)) continue;
      for (const protocol of protocolsOf(provider, model)) {
        if (!selected(protocol, filters.protocols)) continue;
        const target = { ...planTarget(provider, model, protocol, endpoint, inputs.timeoutMs), price: priceOf(provider, model.id, inputs.prices) };
        for (const suite of inputs.suites) {
          if (!selected(suite.id, filters.suites)) continue;
          for (const test of suite.tests) {
            if (!selected(test.id, filters.tests) && !selected(`${suite.id}.${test.id}`, filters.tests)) continue;
            if (filters.tags.length > 0 && !test.tags.some((tag) => selected(tag, filters.tags))) continue;
            let gate = endpoint.gate.action !== 'run' ? endpoint.gate : capabilityGate(test.requires, target.capabilities, protocol);
            const protocolLacks = capabilityGate(test.requires, {}, protocol).action !== 'run';
            const probed = inputs.probe && gate.action === 'unsupported' && endpoint.gate.action === 'run' && !protocolLacks;
            if (probed) gate = { action: 'run' };
            const parts = { suite: suite.id, test: test.id, provider: provider.id, model: model.id, protocol };
            cells.push({
              ...parts,
              id: cellId(parts),
              requires: test.requires,
              tags: test.tags,
              assertion: test.assertion,
              gate,
              target,
              timeoutMs: test.timeoutMs ?? inputs.timeoutMs,
              estimate: { ...DEFAULT_ESTIMATE, ...test.estimate },
              ...(inputs.probe && endpoint.gate.action === 'run' && !protocolLacks ? { probe: { declaredUnsupported: declaredMissing(test.requires, target.capabilities) } } : {}),
            });
          }
        }
      }
    }
  }
  return cells;
}
