import { describeSuiteLive } from '../../harness/testing/live-suite.ts';
import { toolsSuite } from './tools.suite.ts';

describeSuiteLive(toolsSuite);
