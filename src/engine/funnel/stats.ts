/** Small order statistics used by the funnel metrics. Pure; inputs are not modified. */

/**
 * The q-quantile (0–1) of the values by linear interpolation between closest ranks (the "type 7"
 * definition of R and NumPy): the median of [1, 2, 3, 4] is 2.5, its p75 is 3.25.
 * Returns null for an empty input.
 */
export function quantile(values: Float64Array | readonly number[], q: number): number | null {
  return quantileOfSorted(Float64Array.from(values).sort(), q);
}

/** `quantile` of values already in ascending order (not copied). */
export function quantileOfSorted(sorted: Float64Array, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** part ÷ whole as a fraction 0–1, or null when whole is 0 (shown as "no data", never 0%). */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Rates taken over fewer leads or deals than this are flagged as small samples unless the user says otherwise. */
export const DEFAULT_MIN_SAMPLE = 30;

/** A two-sided confidence interval of a proportion, fractions 0–1 with lo ≤ hi. */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/**
 * The Wilson score interval of a proportion: `successes` out of `n` trials, z = 1.96 for 95%.
 * Unlike the normal approximation it stays inside [0, 1] and is not zero-width at 0/n or n/n, which
 * is what makes a 2-of-2 rate read as "anywhere from 34% to 100%" rather than as a certain 100%.
 *
 *   centre    = (p + z²/2n) ÷ (1 + z²/n)
 *   half-width = z·√(p(1−p)/n + z²/4n²) ÷ (1 + z²/n)
 *
 * Returns null when n is 0 (no rate to bound) and when the counts are not a proportion (successes
 * negative or above n — a period conversion that mixes cohorts can exceed 100%).
 */
export function wilsonInterval(successes: number, n: number, z = 1.96): Interval | null {
  if (!(n > 0) || successes < 0 || successes > n) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At 0/n and n/n the bound is exactly 0 or 1; floating point would give −3e-17 or 1.0000000000000002.
  return {
    lo: successes === 0 ? 0 : Math.max(0, centre - half),
    hi: successes === n ? 1 : Math.min(1, centre + half),
  };
}

/** A rate with its sample: `n` trials and the 95% Wilson bounds (null when there is no interval). */
export interface RateEstimate {
  /** successes ÷ n; null when n is 0. */
  readonly rate: number | null;
  /** The denominator: leads or deals the rate is taken over. */
  readonly n: number;
  readonly lo: number | null;
  readonly hi: number | null;
}

/** successes ÷ n with its sample size and 95% Wilson interval. */
export function rateEstimate(successes: number, n: number): RateEstimate {
  const ci = wilsonInterval(successes, n);
  return { rate: ratio(successes, n), n, lo: ci?.lo ?? null, hi: ci?.hi ?? null };
}
