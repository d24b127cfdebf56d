import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { FailureLayer } from '../contract/verify-error.ts';
import { UsageError } from '../matrix/usage-error.ts';

export const BASELINE_SCHEMA_VERSION = 1;

/** One expected failure. The key is the cell id: provider/model/protocol/suite.test. */
export interface BaselineEntry {
  /** The verdict expected (absent: fail or error). */
  verdict?: 'fail' | 'error';
  /** The layer expected (absent: any layer); a failure in another layer is new. */
  layer?: FailureLayer;
  /** Why it is known to fail (shown in the reports). */
  reason?: string;
  /**
   * The cell's answer is sampled (its protocol cannot carry temperature 0 to this endpoint), so it
   * passes some nights: a pass is neither stale nor removed by --update-baseline.
   */
  sampled?: boolean;
}

/** llm-verify.baseline.json: the expected failures of a team's targets. */
export interface BaselineFile {
  $comment?: string;
  schemaVersion: typeof BASELINE_SCHEMA_VERSION;
  expectedFailures: Record<string, BaselineEntry>;
}

const LAYERS: readonly FailureLayer[] = ['transport', 'protocol', 'parser', 'model', 'infra', 'harness'];

const SCHEMA = {
  type: 'object',
  required: ['schemaVersion', 'expectedFailures'],
  additionalProperties: false,
  properties: {
    $comment: { type: 'string' },
    schemaVersion: { const: BASELINE_SCHEMA_VERSION },
    expectedFailures: {
      type: 'object',
      propertyNames: { pattern: '^[^/]+/.+/[^/]+/[^/.]+\\.[^/]+$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          verdict: { enum: ['fail', 'error'] },
          layer: { enum: LAYERS },
          reason: { type: 'string' },
          sampled: { type: 'boolean' },
        },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true }).compile<BaselineFile>(SCHEMA);

const EXAMPLE = '{ "schemaVersion": 1, "expectedFailures": { "llama_cpp/smollm2-135m-instruct/openai-chat/core.invalid_model": { "layer": "protocol", "reason": "…" } } }';

/** Reads and validates a baseline file; anything wrong is a usage error (exit 2) saying what and how to fix it. */
export function readBaseline(path: string): BaselineFile {
  if (!existsSync(path)) {
    throw new UsageError(`--baseline ${path}: no such file. Create it from a run with --update-baseline (or pass the path of an existing llm-verify.baseline.json)`);
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--baseline ${path}: not valid JSON (${error instanceof Error ? error.message : String(error)}); expected ${EXAMPLE}`);
  }
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}${error.params && 'allowedValues' in error.params ? ` (${(error.params.allowedValues as string[]).join(', ')})` : ''}`);
    throw new UsageError(
      `--baseline ${path}: ${problems.join('; ')}. Keys are cell ids provider/model/protocol/suite.test (as in results.json); expected ${EXAMPLE}`,
    );
  }
  return data;
}

/** An empty baseline (for --update-baseline with no file yet). */
export function emptyBaseline(): BaselineFile {
  return { schemaVersion: BASELINE_SCHEMA_VERSION, expectedFailures: {} };
}

/** Writes the file with sorted keys, so a rewrite makes a readable git diff. */
export function writeBaseline(path: string, baseline: BaselineFile): void {
  const sorted = Object.fromEntries(Object.entries(baseline.expectedFailures).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const file: BaselineFile = { ...(baseline.$comment ? { $comment: baseline.$comment } : {}), schemaVersion: BASELINE_SCHEMA_VERSION, expectedFailures: sorted };
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
}
