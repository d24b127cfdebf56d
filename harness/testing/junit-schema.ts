import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

/**
 * Test support: validates JUnit XML against the JUnit 10 schema (Jenkins xUnit's junit-10.xsd)
 * with libxml2 compiled to WebAssembly (the npm package xmllint-wasm): nothing to install from
 * the system. The schema lives in the shared folder beside the repository
 * (`../shared/schemas/junit-10.xsd`, as laid out for sessions and CI), or where
 * LLM_VERIFY_JUNIT_XSD points.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function junitSchemaPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LLM_VERIFY_JUNIT_XSD || join(ROOT, '..', 'shared', 'schemas', 'junit-10.xsd');
}

export interface SchemaVerdict {
  valid: boolean;
  /** libxml2's messages, one per problem, each naming the line ("junit.xml:3: element …"). */
  errors: string[];
}

/** libxml2's verdict on one JUnit document. Throws (a harness problem, not a verdict) when the schema is missing. */
export async function validateJunitXml(xml: string, fileName = 'junit.xml'): Promise<SchemaVerdict> {
  const schemaPath = junitSchemaPath();
  if (!existsSync(schemaPath)) {
    throw new Error(`JUnit 10 schema not found at ${schemaPath}: put the shared folder beside the repository (../shared/schemas/junit-10.xsd) or set LLM_VERIFY_JUNIT_XSD to the .xsd file`);
  }
  const result = await validateXML({
    xml: [{ fileName: basename(fileName), contents: xml }],
    schema: [{ fileName: 'junit-10.xsd', contents: readFileSync(schemaPath, 'utf8') }],
  });
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) };
}

/** The same for a file on disk (e.g. a run's junit.xml). */
export function validateJunitFile(path: string): Promise<SchemaVerdict> {
  return validateJunitXml(readFileSync(path, 'utf8'), path);
}
