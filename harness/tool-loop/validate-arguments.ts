import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { JsonSchema } from '../contract/tools.ts';
import { parseToolArguments } from '../protocols/shared/tool-call-assembler.ts';
import type { ArgumentValidation } from './types.ts';

/**
 * One ajv instance for tool schemas. strict: false because tool schemas are written for models,
 * not for ajv (providers accept keywords such as `examples` or vendor extensions ajv's strict
 * mode refuses); allErrors so a verdict lists every violation, not the first.
 */
const ajv = new Ajv({ allErrors: true, strict: false });

export function formatAjvErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath === '' ? '(root)' : error.instancePath;
    const allowed = error.keyword === 'enum' ? ` ${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)}` : '';
    const extra = error.keyword === 'additionalProperties'
      ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})`
      : '';
    return `${where} ${error.message ?? error.keyword}${allowed}${extra}`;
  });
}

export interface ArgumentValidator {
  /** Validates a raw arguments text: JSON first, then the schema. */
  validate(argumentsText: string): ArgumentValidation & { arguments?: unknown };
  /** Set when ajv could not compile the schema; calls are then 'unvalidated'. */
  readonly compileError?: string;
}

/**
 * Compiles a tool's JSON Schema once. A schema ajv cannot compile (an empty enum, for instance)
 * does not throw: calls against it are reported as 'unvalidated' with the compile error.
 */
export function createArgumentValidator(schema: JsonSchema): ArgumentValidator {
  let compiled: ValidateFunction | undefined;
  let compileError: string | undefined;
  try {
    compiled = ajv.compile(schema);
  } catch (error) {
    compileError = `schema not compilable by ajv: ${error instanceof Error ? error.message : String(error)}`;
  }
  return {
    compileError,
    validate(argumentsText) {
      const parsed = parseToolArguments(argumentsText);
      if (parsed.parseError !== undefined) {
        return { status: 'invalid_json', errors: [`arguments are not valid JSON: ${parsed.parseError}`] };
      }
      const args = parsed.arguments;
      if (!compiled) return { status: 'unvalidated', errors: [compileError ?? 'schema not compiled'], arguments: args };
      if (compiled(args)) return { status: 'ok', errors: [], arguments: args };
      return { status: 'schema_violation', errors: formatAjvErrors(compiled.errors), arguments: args };
    },
  };
}
