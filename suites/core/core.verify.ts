import { registerSuite } from '../../harness/runner/register-suite.ts';
import { coreSuite } from './core.suite.ts';

registerSuite(coreSuite);
