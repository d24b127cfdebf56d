import type { ProviderDefinition } from '../contract/provider.ts';
import type { SuiteCatalog } from '../suite/define.ts';

/** What harness/cli.ts hands every command: the providers and the suites. The engine imports neither. */
export interface Wiring {
  providers: readonly ProviderDefinition[];
  suites: SuiteCatalog;
}
