import { describeSuiteLive } from '../live-suite.ts';
import { toolsSuite } from './tools.suite.ts';

describeSuiteLive(toolsSuite);
