import { registerSuite } from '../../harness/runner/register-suite.ts';
import { toolsSuite } from './tools.suite.ts';

registerSuite(toolsSuite);
