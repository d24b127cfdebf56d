import { retryNote, type CellResult } from '../verdicts/verdict.ts';

/**
 * What a cell result may carry besides its verdict, read defensively: the repeat count (--repeat),
 * harness retries, a baseline entry (--baseline) and timings. Reporters show each when present and
 * never invent one that is absent.
 */
export interface CellExtras {
  /** How many times the harness sent the cell's first request (retries included), when recorded. */
  attempts?: number;
  /** "passed after 1 retry (HTTP 429)": the harness retried transient failures in the cell (CellResult.retries). */
  retried?: string;
  /** With --repeat N: passes of runs. */
  repeat?: { runs: number; passes: number };
  /** The cell is a known failure listed in the baseline (with the baseline's reason, if any). */
  baselined?: { reason?: string };
  /** A baselined cell that passes now: the baseline entry is stale. */
  stale?: boolean;
  /** Numeric timings the test recorded (ttftMs, outputTokensPerSecond, …). */
  timings: Record<string, number>;
}

const TIMING_KEY = /(Ms|PerSecond)$/;

type Loose = Record<string, unknown>;

const isRecord = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const positiveInteger = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined);

function readBaseline(result: Loose): CellExtras['baselined'] {
  const value = result.baselined ?? result.baseline;
  if (value === true) return {};
  if (typeof value === 'string') return { reason: value };
  if (isRecord(value)) {
    if (value.known === false || value.status === 'new') return undefined;
    return typeof value.reason === 'string' ? { reason: value.reason } : {};
  }
  return undefined;
}

function readStale(result: Loose): boolean {
  if (result.stale === true) return true;
  const baseline = result.baseline ?? result.baselined;
  return isRecord(baseline) && (baseline.stale === true || baseline.status === 'stale');
}

function readRepeat(result: CellResult & Loose): CellExtras['repeat'] {
  const repeat: unknown = result.repeat ?? result.flaky;
  if (!isRecord(repeat)) return undefined;
  const runs = positiveInteger(repeat.runs);
  const passes = typeof repeat.passes === 'number' && Number.isInteger(repeat.passes) && repeat.passes >= 0 ? repeat.passes : undefined;
  return runs !== undefined && passes !== undefined ? { runs, passes } : undefined;
}

export function cellExtras(result: CellResult): CellExtras {
  const loose = result as CellResult & Loose;
  const extras: CellExtras = { timings: {} };
  const attempts = positiveInteger(loose.attempts) ?? (isRecord(loose.retry) ? positiveInteger(loose.retry.attempts) : undefined);
  if (attempts !== undefined) extras.attempts = attempts;
  const retried = retryNote(result);
  if (retried) extras.retried = retried;
  const repeat = readRepeat(loose);
  if (repeat) extras.repeat = repeat;
  const baselined = readBaseline(loose);
  if (baselined) extras.baselined = baselined;
  if (readStale(loose)) extras.stale = true;
  for (const [key, value] of Object.entries(result.details ?? {})) {
    if (TIMING_KEY.test(key) && typeof value === 'number' && Number.isFinite(value)) extras.timings[key] = value;
  }
  return extras;
}
