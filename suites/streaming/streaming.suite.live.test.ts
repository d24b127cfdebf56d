import { describeSuiteLive } from '../live-suite.ts';
import { streamingSuite } from './streaming.suite.ts';

describeSuiteLive(streamingSuite);
