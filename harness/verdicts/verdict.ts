import type { Drift } from './drift.ts';
import type { ErrorKind, FailureLayer } from '../contract/verify-error.ts';
import type { RepeatStats } from './repeat-stats.ts';

export const VERDICTS = ['pass', 'fail', 'unsupported', 'skipped', 'error', 'flaky'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What a test asserts: the wire contract, or the model's behaviour. */
export type AssertionKind = 'protocol' | 'model';

/** One finished cell, as written to the journal (one JSON line each). */
export interface CellResult {
  runId: string;
  suite: string;
  test: string;
  provider: string;
  model: string;
  protocol: string;
  verdict: Verdict;
  layer?: FailureLayer;
  kind?: ErrorKind;
  message?: string;
  durationMs: number;
  startedAt: string;
  assertion: AssertionKind;
  tags: string[];
  /** Declared capability the verdict was gated on, for unsupported cells. */
  requires?: string[];
  /** Measurements and observations the test recorded (ttftMs, tokens, ...). */
  details?: Record<string, unknown>;
  /** With --probe: how the verdict disagrees with the model's declared capabilities. */
  drift?: Drift;
  /**
   * Tokens of the cell's model calls as the wire reported them (calls without any usage counted in
   * callsWithoutUsage; their tokens are unknown).
   */
  usage?: { calls: number; input: number; output: number; cachedInput?: number; callsWithoutUsage?: number };
  /** USD of `usage` at the model's price (declared, --prices, or 0 for local servers); absent when the price is unknown. */
  costUsd?: number;
  /** Path of the cell's redacted transcript, relative to the run folder (failing cells, or all with --transcripts all). */
  transcript?: string;
  /** With --repeat N: how many of N runs passed, the statistics, and each run's outcome. */
  repeat?: RepeatStats & { attempts: RepeatAttempt[] };
  /** With --baseline: how the cell stands against the expected-failures baseline. */
  baseline?: BaselineMark;
}

/** One of the N independent runs of a cell (`--repeat N`). */
export interface RepeatAttempt {
  verdict: Verdict;
  layer?: FailureLayer;
  message?: string;
  durationMs: number;
}

/**
 * A cell against the baseline: `known` — a failure the baseline expects (does not fail the run);
 * `new` — a failure the baseline does not expect, or expects with another verdict/layer (`expected`);
 * `stale` — the baseline expects a failure but the cell passed.
 */
export interface BaselineMark {
  status: 'known' | 'new' | 'stale';
  reason?: string;
  /** What the baseline entry expected, when the cell's failure differs from it or the cell passed. */
  expected?: { verdict?: 'fail' | 'error'; layer?: FailureLayer };
}

/** Verdicts that make the run exit 1. */
export function isFailing(verdict: Verdict): boolean {
  return verdict === 'fail' || verdict === 'error';
}
