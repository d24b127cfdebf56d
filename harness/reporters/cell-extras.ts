import type { CellResult, Verdict } from '../verdicts/verdict.ts';
import { VERDICTS } from '../verdicts/verdict.ts';

/** With --repeat N: what the N independent runs gave. */
export interface RepeatExtras {
  runs: number;
  passes: number;
  /** passes / runs, when recorded. */
  passRate?: number;
  /** 95% Wilson score interval of the pass rate, when recorded. */
  wilson95?: { low: number; high: number };
  /** pass^k for k = 1..runs, when recorded. */
  passHatK?: number[];
  /** Each run's verdict (and layer), in order, when recorded. */
  outcomes?: Array<{ verdict: Verdict; layer?: string }>;
}

/**
 * What a cell result may carry besides its verdict, read defensively: the repeat statistics
 * (--repeat), harness retries, where it stands against a baseline (--baseline) and timings.
 * Reporters show each when present and never invent one that is absent.
 */
export interface CellExtras {
  /** How many times the harness sent the cell's request (retries included), when recorded. */
  attempts?: number;
  repeat?: RepeatExtras;
  /** The cell is a known failure listed in the baseline (with the baseline's reason, if any). */
  baselined?: { reason?: string };
  /** A failure the baseline does not expect (or expects with another verdict/layer: `expected`). */
  newFailure?: { expected?: string };
  /** A baselined cell that passes now: the baseline entry is stale. */
  stale?: boolean;
  /** Numeric timings the test recorded (ttftMs, outputTokensPerSecond, …). */
  timings: Record<string, number>;
}

const TIMING_KEY = /(Ms|PerSecond)$/;

type Loose = Record<string, unknown>;

const isRecord = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const positiveInteger = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined);
const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const isVerdict = (value: unknown): value is Verdict => typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);

function baselineOf(result: Loose): Loose | undefined {
  const value = result.baseline ?? result.baselined;
  if (value === true) return { status: 'known' };
  if (typeof value === 'string') return { status: 'known', reason: value };
  return isRecord(value) ? value : undefined;
}

function readBaseline(extras: CellExtras, result: Loose): void {
  const baseline = baselineOf(result);
  if (result.stale === true || baseline?.stale === true || baseline?.status === 'stale') extras.stale = true;
  if (!baseline) return;
  const reason = typeof baseline.reason === 'string' ? baseline.reason : undefined;
  if (baseline.status === 'new') {
    const expected = isRecord(baseline.expected) ? [baseline.expected.verdict, baseline.expected.layer ? `[${String(baseline.expected.layer)}]` : ''].filter(Boolean).join(' ') : '';
    extras.newFailure = expected ? { expected } : {};
    return;
  }
  if (baseline.status === 'stale' || baseline.known === false) return;
  extras.baselined = reason ? { reason } : {};
}

function readRepeat(result: Loose): RepeatExtras | undefined {
  const repeat: unknown = result.repeat ?? result.flaky;
  if (!isRecord(repeat)) return undefined;
  const runs = positiveInteger(repeat.runs);
  const passes = typeof repeat.passes === 'number' && Number.isInteger(repeat.passes) && repeat.passes >= 0 ? repeat.passes : undefined;
  if (runs === undefined || passes === undefined) return undefined;
  const extras: RepeatExtras = { runs, passes };
  const passRate = finite(repeat.passRate);
  if (passRate !== undefined) extras.passRate = passRate;
  if (isRecord(repeat.wilson95)) {
    const low = finite(repeat.wilson95.low);
    const high = finite(repeat.wilson95.high);
    if (low !== undefined && high !== undefined) extras.wilson95 = { low, high };
  }
  if (Array.isArray(repeat.passHatK) && repeat.passHatK.every((value) => finite(value) !== undefined)) extras.passHatK = repeat.passHatK as number[];
  if (Array.isArray(repeat.attempts)) {
    const outcomes = repeat.attempts.flatMap((attempt): RepeatExtras['outcomes'] & object => {
      if (!isRecord(attempt) || !isVerdict(attempt.verdict)) return [];
      return [typeof attempt.layer === 'string' ? { verdict: attempt.verdict, layer: attempt.layer } : { verdict: attempt.verdict }];
    });
    if (outcomes.length > 0) extras.outcomes = outcomes;
  }
  return extras;
}

export function cellExtras(result: CellResult): CellExtras {
  const loose = result as CellResult & Loose;
  const extras: CellExtras = { timings: {} };
  const attempts = positiveInteger(loose.attempts) ?? (isRecord(loose.retry) ? positiveInteger(loose.retry.attempts) : undefined);
  if (attempts !== undefined) extras.attempts = attempts;
  const repeat = readRepeat(loose);
  if (repeat) extras.repeat = repeat;
  readBaseline(extras, loose);
  for (const [key, value] of Object.entries(result.details ?? {})) {
    if (TIMING_KEY.test(key) && typeof value === 'number' && Number.isFinite(value)) extras.timings[key] = value;
  }
  return extras;
}
