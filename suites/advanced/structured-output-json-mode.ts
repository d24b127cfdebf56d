import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { modelCheck, protocolCheck } from '../../harness/suite/verdict-checks.ts';
import { chatOnce } from './advanced-kit.ts';
import { checkJsonAnswer } from './json-answer.ts';

/**
 * The protocol's JSON mode (no schema): the answer is a JSON object [protocol when JSON mode is
 * declared: the server constrains the output], parses [parser], and has no code fences [protocol].
 */
export const structuredOutputJsonModeTest: VerifyTestDefinition = {
  id: 'structured_output_json_mode',
  description: 'JSON mode without a schema (json_object, responseMimeType, format "json", a JSON grammar): the answer parses as JSON [parser], is an object [protocol], has no code fences [protocol]; it names the colour asked for [model].',
  requires: ['chat', 'json_mode'],
  tags: ['structured-output'],
  assertion: 'protocol',
  async run(context) {
    const response = await chatOnce(context, {
      messages: [{ role: 'user', content: 'Reply with a JSON object with one key "colour" whose value is the colour of a ripe banana.' }],
      maxTokens: 96,
      responseFormat: { type: 'json_object' },
    });
    context.record('text', response.text.slice(0, 300));
    const value = checkJsonAnswer(response);
    const object = value !== null && typeof value === 'object' && !Array.isArray(value);
    const declared = context.target.capabilities.json_mode === true;
    const problem = `the answer is JSON but not an object: ${response.text.slice(0, 80)}`;
    if (declared) protocolCheck(object, problem);
    else modelCheck(object, problem);
    modelCheck(/yellow/i.test(JSON.stringify(value)), `the object does not name yellow: ${response.text.slice(0, 120)}`);
  },
};
