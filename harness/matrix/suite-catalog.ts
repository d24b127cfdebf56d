import { coreSuite } from '../../suites/core/core.suite.ts';
import { streamingSuite } from '../../suites/streaming/streaming.suite.ts';
import { toolsSuite } from '../../suites/tools/tools.suite.ts';
import type { SuiteDefinition } from '../suite/define.ts';

/** Every verification suite, in report order. Each has suites/<id>/<id>.verify.ts for vitest. */
export const SUITES: readonly SuiteDefinition[] = [coreSuite, toolsSuite, streamingSuite];
