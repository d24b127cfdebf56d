import { registerSuite } from '../../harness/runner/register-suite.ts';
import { streamingSuite } from './streaming.suite.ts';

registerSuite(streamingSuite);
