/** Timing helpers for test bodies: a monotonic clock in ms, and burst counting of arrival times. */
export { now } from '../protocols/shared/time.ts';

/** How many bursts a list of arrival times (ms) forms: arrivals closer than 1 ms belong to one burst. */
export function countBursts(times: readonly number[]): number {
  let bursts = 0;
  let previous = -Infinity;
  for (const at of times) {
    if (at - previous >= 1) bursts += 1;
    previous = at;
  }
  return bursts;
}
