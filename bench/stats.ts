/** Small statistics for the bench: medians of paired measurements. */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Median of the per-round ratios a[i] / b[i] (paired: both measured back to back in one round). */
export const pairedRatio = (a: readonly number[], b: readonly number[]): number => median(a.map((value, index) => value / (b[index] ?? Number.NaN)));

/** "1.23 (target ≤ 1.25: met)" */
export function verdictText(value: number, target: { max?: number; min?: number }): string {
  const met = (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
  const bound = target.max !== undefined ? `≤ ${target.max}` : `≥ ${target.min}`;
  return `${value.toFixed(2)} (target ${bound}: ${met ? 'met' : 'MISSED'})`;
}
