import { describeSuiteLive } from '../../harness/testing/live-suite.ts';
import { streamingSuite } from './streaming.suite.ts';

describeSuiteLive(streamingSuite);
