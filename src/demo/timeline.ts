/**
 * The demo company's calendar: eight calendar-year quarters ending at the "as of" date, and when
 * leads arrive within them (volume grows over the window, fewer leads at weekends, office hours).
 */
import { DAY_MS, addQuarters, quarterOf, quarterStart } from '../engine/time';
import type { Rng } from './prng';

/** Fiscal year start month of the demo plan (calendar-year quarters). */
export const DEMO_FISCAL_START_MONTH = 1;

export interface DemoTimeline {
  /** First instant of the first quarter (epoch ms). */
  readonly start: number;
  /** End of the "as of" day (epoch ms, exclusive): nothing is recorded at or after it. */
  readonly horizon: number;
  /** The eight quarter labels, oldest first; the last contains the "as of" date. */
  readonly quarters: readonly string[];
  /** First instant of each quarter, parallel to `quarters`. */
  readonly quarterStarts: readonly number[];
}

/** Label of the window's quarter holding `at` (the first or last quarter outside the window). */
export function quarterLabelAt(tl: DemoTimeline, at: number): string {
  let k = 0;
  while (k + 1 < tl.quarterStarts.length && at >= tl.quarterStarts[k + 1]!) k++;
  return tl.quarters[k]!;
}

/** The timeline of `quarterCount` quarters ending with the quarter of `asOf` (an ISO date). */
export function demoTimeline(asOf: string, quarterCount = 8): DemoTimeline {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  if (!m) throw new Error(`asOf must be an ISO date (YYYY-MM-DD), got ${asOf}`);
  const asOfStart = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!Number.isFinite(asOfStart)) throw new Error(`Not a date: ${asOf}`);
  const last = quarterOf(asOfStart, DEMO_FISCAL_START_MONTH);
  const quarters: string[] = [];
  for (let k = quarterCount - 1; k >= 0; k--) quarters.push(addQuarters(last, -k, DEMO_FISCAL_START_MONTH));
  return {
    start: quarterStart(quarters[0]!, DEMO_FISCAL_START_MONTH),
    horizon: asOfStart + DAY_MS,
    quarters,
    quarterStarts: quarters.map((q) => quarterStart(q, DEMO_FISCAL_START_MONTH)),
  };
}

/** Relative growth of lead volume from the first to the last day of the window. */
const GROWTH = 0.6;

/**
 * Creation instants of `count` leads, sorted ascending. Density over the window rises linearly by
 * GROWTH; weekend days are mostly redrawn; times of day cluster in office hours (UTC).
 */
export function leadCreationTimes(rng: Rng, count: number, tl: DemoTimeline): Float64Array {
  const out = new Float64Array(count);
  const span = tl.horizon - tl.start;
  const days = Math.ceil(span / DAY_MS);
  const g = GROWTH;
  for (let i = 0; i < count; i++) {
    let at = 0;
    for (let tries = 0; tries < 8; tries++) {
      // Inverse CDF of the density (1 + g·f) on [0, 1].
      const u = rng.next();
      const f = (-1 + Math.sqrt(1 + 2 * g * u * (1 + g / 2))) / g;
      const day = Math.min(days - 1, Math.floor(f * days));
      const dayStart = tl.start + day * DAY_MS;
      // 1970-01-01 was a Thursday (day 4, counting Sunday as 0).
      const weekday = (Math.floor(dayStart / DAY_MS) + 4) % 7;
      if ((weekday === 0 || weekday === 6) && rng.chance(0.7)) continue;
      // Office hours around 14:00 UTC; the tails wrap round the clock.
      const hour = (((14 + 3.5 * rng.normal()) % 24) + 24) % 24;
      at = Math.round(dayStart + hour * 3_600_000);
      if (at < tl.horizon) break;
    }
    out[i] = Math.min(Math.max(at, tl.start), tl.horizon - 1);
  }
  return out.sort();
}
