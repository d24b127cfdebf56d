import { defineSuite } from '../../harness/suite/define.ts';
import { callTests } from './call-tests.ts';
import { roundtripTests } from './roundtrip-tests.ts';
import { toolChoiceTests } from './tool-choice-tests.ts';

/**
 * Tool calling. Protocol tests force the call with tool_choice "required" or a named tool, so a
 * grammar-constraining server (llama-server) makes them deterministic even for a tiny model;
 * model checks (right tool, right values, answer uses the result) come last in a test, so a
 * `model` failure means every protocol check before it held.
 */
export const toolsSuite = defineSuite({
  id: 'tools',
  description: 'Tool declarations, tool choice, argument validity, result round trips, call ids, template leaks',
  tests: [...callTests, ...toolChoiceTests, ...roundtripTests],
});
