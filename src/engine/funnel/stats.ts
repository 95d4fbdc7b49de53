/** Small order statistics used by the funnel metrics. Pure; inputs are not modified. */

/**
 * The q-quantile (0–1) of the values by linear interpolation between closest ranks (the "type 7"
 * definition of R and NumPy): the median of [1, 2, 3, 4] is 2.5, its p75 is 3.25.
 * Returns null for an empty input.
 */
export function quantile(values: Float64Array | readonly number[], q: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** part ÷ whole as a fraction 0–1, or null when whole is 0 (shown as "no data", never 0%). */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
