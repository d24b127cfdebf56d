import './provided-context.ts';
import { inject } from 'vitest';
import type { SuiteDefinition } from '../suite/define.ts';
import { registerSuites } from './register-suite.ts';

/**
 * The one vitest entry of a verification run: loads the suites module the CLI wired in
 * (provided as `suitesModule`) and registers the suites that have cells to run.
 */
const { SUITES } = (await import(inject('suitesModule'))) as { SUITES: readonly SuiteDefinition[] };
registerSuites(SUITES);
