import { fileURLToPath } from 'node:url';
import type { SuiteCatalog, SuiteDefinition } from '../harness/suite/define.ts';
import { advancedSuite } from './advanced/advanced.suite.ts';
import { coreSuite } from './core/core.suite.ts';
import { streamingSuite } from './streaming/streaming.suite.ts';
import { toolsSuite } from './tools/tools.suite.ts';

/** Every verification suite, in report order: one folder each, one line here. */
export const SUITES: readonly SuiteDefinition[] = [
  coreSuite,
  toolsSuite,
  streamingSuite,
  advancedSuite,
];

/** Handed by harness/cli.ts to the planner (the definitions) and the runner (where workers load them). */
export const SUITE_CATALOG: SuiteCatalog = { suites: SUITES, modulePath: fileURLToPath(import.meta.url) };
