import { readFileSync } from 'node:fs';
import type { ModelPrice } from '../contract/price.ts';
import { UsageError } from '../matrix/usage-error.ts';
import type { PriceOverrides } from './price-of.ts';

const EXAMPLE = '{"openai/gpt-5-mini": {"input": 0.25, "output": 2, "cachedInput": 0.025}}';

function isPrice(value: unknown): value is ModelPrice {
  if (value === null || typeof value !== 'object') return false;
  const entries = Object.entries(value as Record<string, unknown>);
  const fine = (field: unknown) => typeof field === 'number' && Number.isFinite(field) && field >= 0;
  const record = value as Record<string, unknown>;
  return fine(record.input) && fine(record.output) && (record.cachedInput === undefined || fine(record.cachedInput)) && entries.every(([key]) => ['input', 'output', 'cachedInput'].includes(key));
}

/**
 * `--prices <file.json>`: `"provider/model"` (model may be a glob) → USD per million tokens
 * (input, output, cachedInput), overriding the declared prices (also of local servers, e.g. for a
 * --budget test). A malformed file is a usage error naming the entry.
 */
export function readPriceOverrides(path: string): PriceOverrides {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--prices ${path}: cannot read it as JSON (${error instanceof Error ? error.message : String(error)}); expected e.g. ${EXAMPLE}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`--prices ${path}: expected an object like ${EXAMPLE}`);
  for (const [key, value] of Object.entries(parsed)) {
    if (!key.includes('/')) throw new UsageError(`--prices ${path}: key "${key}" must be "provider/model", e.g. ${EXAMPLE}`);
    if (!isPrice(value)) throw new UsageError(`--prices ${path}: "${key}" must be {"input": USD per 1M tokens, "output": …, "cachedInput"?: …} with numbers >= 0`);
  }
  return parsed as PriceOverrides;
}
