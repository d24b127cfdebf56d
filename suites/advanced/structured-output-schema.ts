import type { ChatResponse } from '../../harness/contract/chat.ts';
import type { JsonSchema } from '../../harness/contract/tools.ts';
import type { VerifyTestDefinition } from '../../harness/suite/define.ts';
import { checkJsonAnswer, schemaErrors } from './json-answer.ts';
import { chatOnce } from './advanced-kit.ts';
import { modelCheck, protocolCheck } from '../../harness/suite/verdict-checks.ts';

/** Nested object, enum, array and required fields, bounded so a grammar-driven small model cannot run on forever. */
export const PERSON_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', maxLength: 40 },
    status: { type: 'string', enum: ['active', 'inactive'] },
    skills: { type: 'array', items: { type: 'string', maxLength: 20 }, minItems: 1, maxItems: 3 },
    address: {
      type: 'object',
      properties: { city: { type: 'string', maxLength: 30 }, country: { type: 'string', maxLength: 30 } },
      required: ['city', 'country'],
      additionalProperties: false,
    },
  },
  required: ['name', 'status', 'skills', 'address'],
  additionalProperties: false,
};

const PROMPT =
  'Extract the person as JSON. Ada Lovelace is active; her skills are mathematics and poetry; she lives in London, United Kingdom.';

/**
 * The answer must be JSON that fits a schema sent with the request. Layers: unreadable JSON is
 * parser (or model when the answer was cut at max_tokens), code fences around it are protocol (the
 * format asked for raw JSON), a schema violation is protocol when the model declares
 * structured_output (the server claims enforcement) and model otherwise; the values are the model's.
 */
export const structuredOutputSchemaTest: VerifyTestDefinition = {
  id: 'structured_output_schema',
  description: 'A JSON schema (nested object, enum, array, required) as the response format: the answer parses as JSON [parser], has no code fences [protocol], validates with ajv [protocol when enforcement is declared, else model], and carries the prompt\'s values [model].',
  requires: ['chat', 'structured_output'],
  tags: ['structured-output'],
  assertion: 'protocol',
  async run(context) {
    const response: ChatResponse = await chatOnce(context, {
      messages: [{ role: 'user', content: PROMPT }],
      maxTokens: 256,
      responseFormat: { type: 'json_schema', name: 'person', schema: PERSON_SCHEMA },
    });
    context.record('text', response.text.slice(0, 400));
    const value = checkJsonAnswer(response);
    const errors = schemaErrors(PERSON_SCHEMA, value);
    context.record('schemaErrors', errors);
    const enforced = context.target.capabilities.structured_output === true;
    const problem = `the answer does not fit the schema${enforced ? ' the server was asked to enforce' : ''}: ${errors.join('; ')}`;
    if (enforced) protocolCheck(errors.length === 0, problem);
    else modelCheck(errors.length === 0, problem);
    const person = value as { name: string; status: string; address: { city: string } };
    protocolCheck(typeof person.name === 'string', 'name is not a string');
    modelCheck(/ada|lovelace/i.test(person.name), `name is "${person.name}", expected Ada Lovelace`);
    modelCheck(person.status === 'active', `status is "${person.status}", expected active`);
    modelCheck(/london/i.test(person.address.city), `city is "${person.address.city}", expected London`);
  },
};
